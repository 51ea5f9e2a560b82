package dev.mitosis.split;

import dev.mitosis.net.Costs;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import java.util.function.ToDoubleBiFunction;

/**
 * The cost f_l of one more neuron in each splittable layer, which energy-aware selection budgets
 * (docs/algorithms.md §3). Published weights: the square root of the MAC increment Δ_l (CIFAR), its
 * logarithm (ImageNet), or 1 (parameter-aware). A measured-latency model would be one more constant
 * here: it would time each layer on the current device and return per-neuron increments.
 */
public enum CostModel {
    /** Δ_l, the raw MAC increment. */
    MACS("macs", Costs::macIncrement),
    /** √Δ_l: the published CIFAR weight. */
    SQRT_MACS("sqrt-macs", (spec, l) -> Math.sqrt(Costs.macIncrement(spec, l))),
    /** ln Δ_l: the published ImageNet weight. */
    LOG_MACS("log-macs", (spec, l) -> Math.log(Costs.macIncrement(spec, l))),
    /** The parameter increment of one neuron. */
    PARAMS("params", Costs::paramIncrement),
    /** Every neuron costs 1: selection by λ alone within the caps. */
    CONSTANT("constant", (spec, l) -> 1.0);

    private final String id;
    private final ToDoubleBiFunction<NetworkSpec, NeuronLayer> cost;

    CostModel(String id, ToDoubleBiFunction<NetworkSpec, NeuronLayer> cost) {
        this.id = id;
        this.cost = cost;
    }

    /** The name on the command line and in stored configs: {@code sqrt-macs}. */
    public String id() {
        return id;
    }

    /** Cost of one more neuron, per splittable layer in topology order. */
    public double[] neuronCosts(NetworkSpec spec) {
        return spec.topology().neuronLayers().stream().mapToDouble(l -> cost.applyAsDouble(spec, l)).toArray();
    }

    @Override
    public String toString() {
        return id;
    }
}
