package dev.mitosis.model;

import dev.mitosis.net.SpecCodec;
import dev.mitosis.weights.Safetensors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trained seed shipped with Mitosis (samples/mbv1-seed-fmnist: the MobileNetV1 splitting seed,
 * 90.1% on Fashion-MNIST), read from the class path so it is there whatever the working directory.
 */
public final class BundledSeed {

    public static final String RESOURCE = "/samples/mbv1-seed-fmnist/";
    public static final String NAME = "mbv1-seed-fmnist";

    private BundledSeed() {
    }

    public static Model load() {
        return new Model(SpecCodec.parse(text(ModelDirectory.SPEC_FILE), RESOURCE + ModelDirectory.SPEC_FILE),
                Safetensors.decode(bytes(ModelDirectory.WEIGHTS_FILE), RESOURCE + ModelDirectory.WEIGHTS_FILE));
    }

    public static TrainingRecord record() {
        try {
            Path tmp = Files.createTempDirectory("mitosis-seed");
            try {
                Files.writeString(tmp.resolve(TrainingRecord.FILE), text(TrainingRecord.FILE));
                return TrainingRecord.read(tmp).orElseThrow();
            } finally {
                Files.deleteIfExists(tmp.resolve(TrainingRecord.FILE));
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String file) {
        try (InputStream in = BundledSeed.class.getResourceAsStream(RESOURCE + file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled seed is missing from the class path: " + RESOURCE + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
