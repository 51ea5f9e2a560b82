package dev.mitosis.cli;

import dev.mitosis.model.Model;
import java.util.Optional;
import java.util.Random;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Model, batch and timing options shared by the benchmarks; data is random, of the model's shape. */
public final class BenchOptions {

    @Option(names = "--model", paramLabel = "M", defaultValue = "mbv1-seed",
            description = "Template, model.json or model directory (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    TemplateOptions template;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
            description = "Timed steps per round (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Timed rounds; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    Model load() {
        return template.load(model, Optional.empty());
    }

    /** A fixed random batch: standard normal images and uniform labels. */
    static float[] images(Model m, int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[Math.toIntExact(n * m.spec().input().size())];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static int[] labels(Model m, int n, long seed) {
        Random r = new Random(seed + 1);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(m.spec().classes());
        }
        return y;
    }
}
