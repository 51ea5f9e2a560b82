package dev.mitosis.cli;

import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.SplittingPass;
import dev.mitosis.split.ExactProbe;
import dev.mitosis.split.FastProbe;
import dev.mitosis.split.ProbeData;
import dev.mitosis.split.ProbeListener;
import dev.mitosis.split.ProbeResult;
import picocli.CommandLine.Option;

/**
 * Probe settings that only the one-shot probe and split commands take. A growth run fixes them (its
 * batch is the fine-tuning batch, its seed the run's seed, β and the exact-probe memory their defaults,
 * λ_max only with signed splitting), so grow does not offer them rather than ignore them.
 */
final class ProbeTuningOptions {

    private static final FastProbe.Options PUBLISHED = FastProbe.Options.published();

    @Option(names = "--probe-batch", paramLabel = "B", defaultValue = "64",
            description = "Probe batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--max", description = "Fast probe: also estimate λ_max (implied by --signed).")
    boolean max;

    @Option(names = "--relu-beta", paramLabel = "B",
            description = "Sharpness of the softplus surrogate for σ'' of ReLU-type activations (default: 3).")
    Double reluBeta;

    @Option(names = "--exact-memory", paramLabel = "BYTES", converter = CountOption.class,
            description = "Exact probe: largest memory for the splitting matrices, e.g. 4G (default: 2 GiB).")
    Long exactMemory;

    @Option(names = "--probe-seed", paramLabel = "S", defaultValue = "1",
            description = "Seed for the probe's directions and data order (default: ${DEFAULT-VALUE}).")
    long seed;

    private SplittingPass.Options curvature(ProbeOptions probe) {
        return new SplittingPass.Options(TrainOptions.or(reluBeta, SplittingPass.Options.defaults().reluBeta()),
                !probe.published);
    }

    ProbeResult run(ProbeOptions probe, Network network, DataSplit data, Normalization normalization, boolean needMax,
                    ProbeListener listener) {
        ProbeData probeData = new ProbeData(data.train(), normalization, batch, TrainOptions.or(probe.images, 0), seed);
        if (probe.exact) {
            return ExactProbe.run(network, probeData, new ExactProbe.Options(
                    TrainOptions.or(exactMemory, ExactProbe.DEFAULT_MEMORY_LIMIT), curvature(probe)), listener);
        }
        FastProbe.Options options = PUBLISHED.withPasses(TrainOptions.or(probe.passes, PUBLISHED.passes()))
                .withLr(TrainOptions.or(probe.lr, PUBLISHED.lr())).withMax(max || needMax)
                .withCurvature(curvature(probe)).withSeed(seed);
        return FastProbe.run(network, probeData, options, listener);
    }
}
