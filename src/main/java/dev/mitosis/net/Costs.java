package dev.mitosis.net;

/** Cost of growing a layer, derived from the IR so that every block kind is covered. */
public final class Costs {
    private Costs() {
    }

    /**
     * MACs added by one more neuron in {@code layer}: MACs(C_l + 1) − MACs(C_l). For a MobileNetV1 block
     * this is k²·C_{l−1}·R_l² + 9·R_{l+1}² + C_{l+2}·R_{l+1}² (the conv row, the next depthwise filter and
     * the next pointwise column; docs/algorithms.md §3), but computing it from the IR covers every kind.
     */
    public static long macIncrement(NetworkSpec spec, NeuronLayer layer) {
        return spec.withWidth(layer.block(), layer.width() + 1).macs() - spec.macs();
    }

    /** Parameters added by one more neuron in {@code layer}. */
    public static long paramIncrement(NetworkSpec spec, NeuronLayer layer) {
        return spec.withWidth(layer.block(), layer.width() + 1).params() - spec.params();
    }
}
