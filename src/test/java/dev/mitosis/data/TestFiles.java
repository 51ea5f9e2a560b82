package dev.mitosis.data;

import dev.mitosis.net.FeatureShape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small synthetic IDX and CIFAR files with known contents, written the way the real ones are. */
final class TestFiles {

    private TestFiles() {
    }

    /** The byte at {@code offset} of image {@code image} in every synthetic set: easy to predict, rarely 0. */
    static byte pixel(int image, int offset) {
        return (byte) (image * 7 + offset * 3 + 1);
    }

    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(IdxFormat.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                b.put(pixel(i, p));
            }
        }
        return b.array();
    }

    static byte[] idxLabels(int[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(IdxFormat.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    /** Labels 0, 1, ..., 9, 0, 1, ... */
    static int[] cyclicLabels(int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return labels;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An IDX directory with {@code train} and {@code test} images of 4×5 pixels and cyclic labels. */
    static Path idxDirectory(Path dir, int train, int test, boolean gzipped) {
        write(dir, "train-images-idx3-ubyte", idxImages(train, 4, 5), gzipped);
        write(dir, "train-labels-idx1-ubyte", idxLabels(cyclicLabels(train)), gzipped);
        write(dir, "t10k-images-idx3-ubyte", idxImages(test, 4, 5), gzipped);
        write(dir, "t10k-labels-idx1-ubyte", idxLabels(cyclicLabels(test)), gzipped);
        return dir;
    }

    static Path write(Path dir, String name, byte[] raw, boolean gzipped) {
        return writeFile(dir.resolve(gzipped ? name + ".gz" : name), gzipped ? gzip(raw) : raw);
    }

    static Path writeFile(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CIFAR records: each has the given leading label bytes, then 3072 pixels where pixel {@code p} of
     * record {@code r} is {@code pixel(first + r, p)}.
     */
    static byte[] cifarRecords(int first, int[][] labelBytes) {
        int record = labelBytes[0].length + 3072;
        ByteBuffer b = ByteBuffer.allocate(labelBytes.length * record);
        for (int r = 0; r < labelBytes.length; r++) {
            for (int label : labelBytes[r]) {
                b.put((byte) label);
            }
            for (int p = 0; p < 3072; p++) {
                b.put(pixel(first + r, p));
            }
        }
        return b.array();
    }

    /** A dataset whose image {@code i} has pixel bytes {@code pixel(i, offset)}. */
    static Dataset synthetic(KnownDataset kind, FeatureShape shape, int[] labels) {
        int length = (int) shape.size();
        byte[] pixels = new byte[labels.length * length];
        for (int i = 0; i < labels.length; i++) {
            for (int p = 0; p < length; p++) {
                pixels[i * length + p] = pixel(i, p);
            }
        }
        return Dataset.of("synthetic", kind, shape, pixels, labels);
    }
}
