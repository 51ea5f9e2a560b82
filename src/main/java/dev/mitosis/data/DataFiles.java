package dev.mitosis.data;

import dev.mitosis.io.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * What the IDX and CIFAR readers share: loading a file (from disk or the classpath) into memory,
 * gunzipping it when its content says so, finding {@code name} or {@code name.gz} in a directory, and
 * checking labels. Every failure is a {@link BadInputException} whose message starts with the file.
 */
final class DataFiles {

    private DataFiles() {
    }

    /** A file's decompressed bytes and the name to use for it in messages (its path). */
    record Content(String source, byte[] bytes) {
    }

    static Content read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return decode(file.toString(), raw);
    }

    /** The classpath resource at absolute {@code path}, or empty when there is none. */
    static Optional<Content> resource(String path) {
        try (InputStream in = DataFiles.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(decode("classpath:" + path, in.readAllBytes()));
        } catch (IOException e) {
            throw new BadInputException("classpath:" + path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /**
     * Gunzips {@code raw} when it starts with the gzip magic bytes 1f 8b, whatever the file is called;
     * otherwise returns it as is. IDX and CIFAR files never start with 1f 8b (an IDX file starts 00 00).
     */
    static Content decode(String source, byte[] raw) {
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
            return new Content(source, raw);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new Content(source, in.readAllBytes());
        } catch (EOFException e) {
            throw new BadInputException(source + ": truncated gzip data (the download or copy was cut short)");
        } catch (ZipException e) {
            throw new BadInputException(source + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot gunzip (" + e.getMessage() + ")");
        }
    }

    /** {@code dir/name} if it exists, else {@code dir/name.gz} if that exists. */
    static Optional<Path> find(Path dir, String name) {
        for (Path candidate : new Path[] {dir.resolve(name), dir.resolve(name + ".gz")}) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but a missing file is bad input. */
    static Path require(Path dir, String name) {
        return find(dir, name).orElseThrow(() -> new BadInputException(dir + ": no " + name + " or " + name + ".gz"));
    }

    /** Fails on the first label outside {@code 0..classes-1}, naming its index in {@code source}. */
    static void checkLabels(String source, int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new BadInputException(source + ": label " + labels[i] + " at index " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
    }
}
