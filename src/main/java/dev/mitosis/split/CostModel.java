package dev.mitosis.split;

import dev.mitosis.net.Costs;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import java.util.List;
import java.util.Locale;

/**
 * The cost f_l of one more neuron in each splittable layer, which energy-aware selection budgets
 * (ALGORITHMS.md §3). Published weights: sqrt of the MAC increment (CIFAR), its logarithm (ImageNet),
 * or 1 (parameter-aware). A measured-latency model fits the same interface: it would time each layer on
 * the current device and return per-neuron increments.
 */
public interface CostModel {

    String name();

    /** Cost of one more neuron, per splittable layer in topology order. */
    double[] neuronCosts(NetworkSpec spec);

    /** MAC increment Δ_l (raw). */
    CostModel MACS = named("macs", (spec, l) -> Costs.macIncrement(spec, l));
    /** √Δ_l: the published CIFAR weight. */
    CostModel SQRT_MACS = named("sqrt-macs", (spec, l) -> Math.sqrt(Costs.macIncrement(spec, l)));
    /** ln Δ_l: the published ImageNet weight. */
    CostModel LOG_MACS = named("log-macs", (spec, l) -> Math.log(Costs.macIncrement(spec, l)));
    /** Parameter increment of one neuron. */
    CostModel PARAMS = named("params", (spec, l) -> Costs.paramIncrement(spec, l));
    /** Every neuron costs 1: selection by λ alone within the caps. */
    CostModel CONSTANT = named("constant", (spec, l) -> 1.0);

    List<CostModel> ALL = List.of(MACS, SQRT_MACS, LOG_MACS, PARAMS, CONSTANT);

    static CostModel parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown cost model '" + name + "', expected one of "
                        + ALL.stream().map(CostModel::name).toList()));
    }

    /** Per-layer cost function. */
    @FunctionalInterface
    interface LayerCost {
        double of(NetworkSpec spec, NeuronLayer layer);
    }

    static CostModel named(String name, LayerCost cost) {
        return new CostModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] neuronCosts(NetworkSpec spec) {
                return spec.topology().neuronLayers().stream().mapToDouble(l -> cost.of(spec, l)).toArray();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
