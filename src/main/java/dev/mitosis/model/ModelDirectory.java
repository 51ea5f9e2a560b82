package dev.mitosis.model;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.SpecCodec;
import dev.mitosis.io.AtomicFiles;
import dev.mitosis.weights.Safetensors;
import dev.mitosis.weights.WeightLayout;
import dev.mitosis.weights.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model on disk: a directory with {@value #SPEC_FILE} (the IR) and {@value #WEIGHTS_FILE}. Written
 * into a staging directory and renamed into place, so a reader never sees half a model.
 */
public final class ModelDirectory {

    public static final String SPEC_FILE = "model.json";
    public static final String WEIGHTS_FILE = "weights.safetensors";

    private ModelDirectory() {
    }

    public static boolean isModelDirectory(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(SPEC_FILE));
    }

    public static Model read(Path dir) {
        if (!Files.exists(dir)) {
            throw new BadInputException(dir + ": no such model directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": not a model directory (expected a directory with " + SPEC_FILE
                    + " and " + WEIGHTS_FILE + ")");
        }
        NetworkSpec spec = SpecCodec.read(dir.resolve(SPEC_FILE));
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        if (!Files.exists(weightsFile)) {
            throw new BadInputException(weightsFile + ": no such file (a model directory needs its weights)");
        }
        Weights weights = Safetensors.read(weightsFile);
        WeightLayout.check(spec, weights, weightsFile.toString());
        return new Model(spec, weights);
    }

    /** Writes {@code model} to {@code dir} atomically, replacing what was there. */
    public static void write(Path dir, Model model) {
        write(dir, model, Map.of());
    }

    public static void write(Path dir, Model model, Map<String, String> extraFiles) {
        try {
            Path staging = AtomicFiles.stagingDirectory(dir);
            try {
                Files.writeString(staging.resolve(SPEC_FILE), SpecCodec.write(model.spec()));
                Files.write(staging.resolve(WEIGHTS_FILE), Safetensors.encode(model.weights(),
                        Map.of("format", "pt", "mitosis.model", model.spec().name())));
                for (Map.Entry<String, String> e : extraFiles.entrySet()) {
                    Files.writeString(staging.resolve(e.getKey()), e.getValue());
                }
                AtomicFiles.publishDirectory(staging, dir);
            } finally {
                AtomicFiles.deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + dir + ": " + e.getMessage(), e);
        }
    }
}
