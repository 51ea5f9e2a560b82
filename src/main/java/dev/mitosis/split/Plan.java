package dev.mitosis.split;

import dev.mitosis.net.NetworkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which neurons to split this round, and what the network will cost afterwards.
 *
 * @param strategy how the selection was made, e.g. "energy-aware(sqrt-macs, grow 0.3)"
 * @param note what the selection could not do, e.g. a MAC target out of reach; empty if nothing
 */
public record Plan(NetworkSpec spec, List<Candidate> selected, long macsBefore, long macsAfter, String strategy,
                   String note) {

    public Plan {
        selected = List.copyOf(selected);
    }

    public boolean isEmpty() {
        return selected.isEmpty();
    }

    /** Σ Q over the selection: the loss changes by about ½ε² times this. */
    public double predictedCoefficient() {
        return selected.stream().mapToDouble(Candidate::q).sum();
    }

    public int neuronsAdded() {
        return selected.stream().mapToInt(Candidate::added).sum();
    }

    /** Neurons added per splittable layer, in topology order. */
    public int[] addedPerLayer() {
        int[] added = new int[spec.topology().neuronLayers().size()];
        for (Candidate c : selected) {
            added[c.layer()] += c.added();
        }
        return added;
    }

    public boolean isSelected(int layer, int neuron) {
        return selected.stream().anyMatch(c -> c.layer() == layer && c.neuron() == neuron);
    }

    /** The offspring of every selected neuron, by layer key, ready for {@link Surgery#apply}. */
    public Map<String, List<NeuronSplit>> splits(ProbeResult probe, double epsilon, double signedBound) {
        Map<String, List<NeuronSplit>> out = new LinkedHashMap<>();
        for (Candidate c : selected) {
            LayerProbe l = probe.layer(c.key()).orElseThrow();
            double[] vMin = l.vMin()[c.neuron()];
            double[] vMax = l.vMax().map(v -> v[c.neuron()]).orElse(vMin);
            out.computeIfAbsent(c.key(), k -> new ArrayList<>())
                    .add(c.kind().offspring(c.neuron(), vMin, vMax, epsilon, signedBound));
        }
        return out;
    }

    /** The widths the plan leads to, applied to the spec. */
    public NetworkSpec grownSpec() {
        return Selection.widen(spec, addedPerLayer());
    }
}
