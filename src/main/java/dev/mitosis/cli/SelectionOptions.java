package dev.mitosis.cli;

import dev.mitosis.grow.GrowthConfig.Strategy;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.split.CostModel;
import dev.mitosis.split.Plan;
import dev.mitosis.split.ProbeResult;
import dev.mitosis.split.Selection;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Which neurons to split: S2D quantile, energy-aware LP or a MAC target; optionally signed. */
public final class SelectionOptions {

    @Option(names = "--grow", paramLabel = "F",
            description = "Grow fraction: share of neurons (quantile) or of each group's cost (energy-aware) to add"
                    + " per round (default: 0.3).")
    Double grow;

    @Option(names = "--energy-aware", description = "Select by the energy-aware linear program (same as --strategy"
            + " energy-aware).")
    boolean energyAware;

    @Option(names = "--strategy", paramLabel = "S",
            description = "quantile (S2D), energy-aware or mac-target (probe/split: quantile; grow: energy-aware).")
    String strategy;

    @Option(names = "--cost", paramLabel = "C",
            description = "Energy-aware cost per neuron: macs, sqrt-macs, log-macs, params, constant (default: sqrt-macs).")
    String cost;

    @Option(names = "--macs", paramLabel = "B", description = "Grow to at most B MACs (implies --strategy mac-target).")
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
        if (strategy != null) {
            try {
                return Strategy.valueOf(strategy.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--strategy " + strategy + ": expected quantile, energy-aware or"
                        + " mac-target");
            }
        }
        return fallback;
    }

    boolean signed() {
        return TrainOptions.or(signed, false);
    }

    double signedBound() {
        return TrainOptions.or(signedBound, 2.0);
    }

    double epsilon() {
        return TrainOptions.or(epsilon, 0.01);
    }

    Selection.Signed signedOptions() {
        return signed() ? Selection.Signed.on(signedBound()) : Selection.Signed.off();
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
            case ENERGY_AWARE -> Selection.energyAware(spec, probe, TrainOptions.or(grow, 0.3),
                    CostModel.parse(TrainOptions.or(cost, "sqrt-macs")), Selection.defaultGroups(spec), signedOptions());
            case QUANTILE -> Selection.quantile(spec, probe, TrainOptions.or(grow, 0.3), signedOptions());
        };
    }
}
