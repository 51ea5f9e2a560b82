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
 * How splitting eigenvalues are estimated. The probe and split commands default to the published
 * fast-probe settings; grow defaults to shorter probes with a larger step (see GrowthConfig).
 */
public final class ProbeOptions {

    private static final FastProbe.Options PUBLISHED = FastProbe.Options.published();

    @Option(names = "--exact", description = "Exact S2D: eigendecompose every neuron's splitting matrix.")
    boolean exact;

    @Option(names = "--passes", paramLabel = "N",
            description = "Fast probe: passes over the probe data (probe/split: 10, published for CIFAR; grow: 6).")
    Integer passes;

    @Option(names = "--probe-lr", paramLabel = "LR",
            description = "Fast probe: RMSprop learning rate, x0.2 every 2 passes (probe/split: 1e-3; grow: 0.01).")
    Double lr;

    @Option(names = "--probe-batch", paramLabel = "B", defaultValue = "64",
            description = "Probe batch size for probe/split (default: ${DEFAULT-VALUE}; grow uses --batch).")
    int batch;

    @Option(names = "--probe-images", paramLabel = "N",
            description = "Training images per probe pass, 0 for all (probe/split: 0; grow: 8192).")
    Integer images;

    @Option(names = "--max", description = "Fast probe: also estimate λ_max (implied by --signed).")
    boolean max;

    @Option(names = "--published-curvature",
            description = "Leave out the depthwise path's curvature, as the published code does.")
    boolean published;

    @Option(names = "--relu-beta", paramLabel = "B",
            description = "Sharpness of the softplus surrogate for σ'' of ReLU-type activations (default: 3).")
    Double reluBeta;

    @Option(names = "--exact-memory", paramLabel = "BYTES", converter = CountOption.class,
            description = "Exact probe: largest memory for the splitting matrices, e.g. 4G (default: 2 GiB).")
    Long exactMemory;

    @Option(names = "--probe-seed", paramLabel = "S", defaultValue = "1",
            description = "Seed for the probe's directions and data order (default: ${DEFAULT-VALUE}).")
    long seed;

    SplittingPass.Options curvature() {
        SplittingPass.Options defaults = SplittingPass.Options.defaults();
        return new SplittingPass.Options(TrainOptions.or(reluBeta, defaults.reluBeta()), !published);
    }

    ProbeResult run(Network network, DataSplit data, Normalization normalization, boolean needMax,
                    ProbeListener listener) {
        ProbeData probeData = new ProbeData(data.train(), normalization, batch, TrainOptions.or(images, 0), seed);
        if (exact) {
            return ExactProbe.run(network, probeData, new ExactProbe.Options(TrainOptions.or(exactMemory, ExactProbe.DEFAULT_MEMORY_LIMIT), curvature()), listener);
        }
        FastProbe.Options options = PUBLISHED.withPasses(TrainOptions.or(passes, PUBLISHED.passes()))
                .withLr(TrainOptions.or(lr, PUBLISHED.lr())).withMax(max || needMax).withCurvature(curvature())
                .withSeed(seed);
        return FastProbe.run(network, probeData, options, listener);
    }
}
