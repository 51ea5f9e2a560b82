package dev.mitosis.cli;

import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthConfig.Strategy;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.split.CostModel;
import dev.mitosis.split.Plan;
import dev.mitosis.split.ProbeResult;
import dev.mitosis.split.Selection;
import picocli.CommandLine.Option;

/** Which neurons to split: S2D quantile, energy-aware LP or a MAC target; optionally signed. */
public final class SelectionOptions {

    /** The probe and split commands select as a growth round would by default. */
    private static final GrowthConfig DEFAULTS = GrowthConfig.defaults();

    @Option(names = "--grow", paramLabel = "F",
            description = "Grow fraction: share of neurons (quantile) or of each group's cost (energy-aware) to add"
                    + " per round (default: 0.3).")
    Double grow;

    @Option(names = "--energy-aware", description = "Select by the energy-aware linear program (same as --strategy"
            + " energy-aware).")
    boolean energyAware;

    @Option(names = "--strategy", paramLabel = "S", completionCandidates = Choices.Strategies.class,
            description = "${COMPLETION-CANDIDATES} (probe/split: quantile, i.e. S2D; grow: energy-aware).")
    Strategy strategy;

    @Option(names = "--cost", paramLabel = "C", completionCandidates = Choices.CostModels.class,
            description = "Energy-aware cost per neuron: ${COMPLETION-CANDIDATES} (default: sqrt-macs).")
    CostModel cost;

    @Option(names = "--macs", paramLabel = "B", converter = CountOption.class,
            description = "Grow to at most B MACs, e.g. 400k or 1.2M (implies --strategy mac-target).")
    Long macs;

    @Option(names = "--signed", negatable = true, fallbackValue = "true",
            description = "Signed splitting: allow negative offspring weights (uses λ_max).")
    Boolean signed;

    @Option(names = "--signed-bound", paramLabel = "C",
            description = "Signed splitting: bound on the sum of |offspring weights| (default: 2).")
    Double signedBound;

    @Option(names = "--epsilon", paramLabel = "E",
            description = "Offspring step: θ ± ε·v (default: 0.01, published for MobileNetV1).")
    Double epsilon;

    /** The strategy asked for, or {@code fallback}. */
    Strategy strategy(Strategy fallback) {
        if (macs != null) {
            return Strategy.MAC_TARGET;
        }
        if (energyAware) {
            return Strategy.ENERGY_AWARE;
        }
        return strategy != null ? strategy : fallback;
    }

    boolean signed() {
        return TrainOptions.or(signed, DEFAULTS.signed());
    }

    double epsilon() {
        return TrainOptions.or(epsilon, DEFAULTS.epsilon());
    }

    Selection.Signed signedOptions() {
        return signed() ? Selection.Signed.on(TrainOptions.or(signedBound, DEFAULTS.signedBound()))
                : Selection.Signed.off();
    }

    /** One selection for the probe and split commands. */
    Plan select(NetworkSpec spec, ProbeResult probe) {
        return switch (strategy(Strategy.QUANTILE)) {
            case MAC_TARGET -> {
                if (macs == null) {
                    throw new IllegalArgumentException("--strategy mac-target needs --macs B");
                }
                yield Selection.macTarget(spec, probe, macs, signedOptions());
            }
            case ENERGY_AWARE -> Selection.energyAware(spec, probe, TrainOptions.or(grow, DEFAULTS.grow()),
                    TrainOptions.or(cost, DEFAULTS.costModel()), Selection.defaultGroups(spec), signedOptions());
            case QUANTILE -> Selection.quantile(spec, probe, TrainOptions.or(grow, DEFAULTS.grow()), signedOptions());
        };
    }
}
