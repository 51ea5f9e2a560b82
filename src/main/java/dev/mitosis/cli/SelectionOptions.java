package dev.mitosis.cli;

import dev.mitosis.net.NetworkSpec;
import dev.mitosis.split.CostModel;
import dev.mitosis.split.Plan;
import dev.mitosis.split.ProbeResult;
import dev.mitosis.split.Selection;
import picocli.CommandLine.Option;

/** Which neurons to split: S2D quantile, energy-aware LP or a MAC target; optionally signed. */
public final class SelectionOptions {

    @Option(names = "--grow", paramLabel = "F", defaultValue = "0.3",
            description = "Grow fraction: share of neurons (S2D) or of each group's cost (energy-aware) to add"
                    + " (default: ${DEFAULT-VALUE}).")
    double grow;

    @Option(names = "--energy-aware", description = "Select by the energy-aware linear program under --cost.")
    boolean energyAware;

    @Option(names = "--cost", paramLabel = "C", defaultValue = "sqrt-macs",
            description = "Energy-aware cost per neuron: macs, sqrt-macs, log-macs, params, constant"
                    + " (default: ${DEFAULT-VALUE}).")
    String cost;

    @Option(names = "--macs", paramLabel = "B", description = "Grow to at most B MACs (overrides --grow).")
    Long macs;

    @Option(names = "--signed", description = "Signed splitting: allow negative offspring weights (uses λ_max).")
    boolean signed;

    @Option(names = "--signed-bound", paramLabel = "C", defaultValue = "2",
            description = "Signed splitting: bound on the sum of |offspring weights| (default: ${DEFAULT-VALUE}).")
    double signedBound;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0.01",
            description = "Offspring step: θ ± ε·v (default: ${DEFAULT-VALUE}, published for MobileNetV1).")
    double epsilon;

    Selection.Signed signedOptions() {
        return signed ? Selection.Signed.on(signedBound) : Selection.Signed.off();
    }

    Plan select(NetworkSpec spec, ProbeResult probe) {
        if (macs != null) {
            return Selection.macTarget(spec, probe, macs, signedOptions());
        }
        if (energyAware) {
            return Selection.energyAware(spec, probe, grow, CostModel.parse(cost), Selection.defaultGroups(spec),
                    signedOptions());
        }
        return Selection.quantile(spec, probe, grow, signedOptions());
    }
}
