package dev.mitosis.cli;

import picocli.CommandLine.Option;

/**
 * How splitting eigenvalues are estimated, as every command that probes takes it. The probe and split
 * commands default to the published fast-probe settings; grow defaults to shorter probes with a larger
 * step (see GrowthConfig) and stores these settings with the run. The settings only probe and split
 * take are in {@link ProbeTuningOptions}.
 */
public final class ProbeOptions {

    @Option(names = "--exact", description = "Exact S2D: eigendecompose every neuron's splitting matrix.")
    boolean exact;

    @Option(names = "--passes", paramLabel = "N",
            description = "Fast probe: passes over the probe data (probe/split: 10, published for CIFAR; grow: 6).")
    Integer passes;

    @Option(names = "--probe-lr", paramLabel = "LR",
            description = "Fast probe: RMSprop learning rate, x0.2 every 2 passes (probe/split: 1e-3; grow: 0.01).")
    Double lr;

    @Option(names = "--probe-images", paramLabel = "N",
            description = "Training images per probe pass, 0 for all (probe/split: 0; grow: 8192).")
    Integer images;

    @Option(names = "--published-curvature",
            description = "Leave out the depthwise path's curvature, as the published code does.")
    boolean published;
}
