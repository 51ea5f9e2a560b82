package dev.mitosis.run;

/**
 * Splitting statistics of one layer after a probe: per-neuron λ_min (and λ_max when estimated), the
 * MAC cost of one more neuron and whether the selection chose the neuron. The record does not copy its
 * arrays: whoever builds one hands over arrays that nobody writes afterwards (the growth session and
 * the run store build fresh ones), so a snapshot may be shared across threads.
 *
 * @param lambdaMax empty when λ_max was not estimated
 * @param macCost MACs one more neuron of this layer costs; −1 while unknown (a live probe)
 * @param selected empty before a selection was made
 */
public record LayerSnapshot(String key, double[] lambdaMin, double[] lambdaMax, long macCost, boolean[] selected) {

    /** A layer's estimates while the probe still runs: no λ_max and no selection yet. */
    public static LayerSnapshot live(String key, double[] lambdaMin, long macCost) {
        return new LayerSnapshot(key, lambdaMin, new double[0], macCost, new boolean[0]);
    }

    public int width() {
        return lambdaMin.length;
    }

    public boolean hasSelection() {
        return selected.length == lambdaMin.length && selected.length > 0;
    }

    public boolean isSelected(int neuron) {
        return neuron < selected.length && selected[neuron];
    }

    public int selectedCount() {
        int n = 0;
        for (boolean s : selected) {
            if (s) {
                n++;
            }
        }
        return n;
    }
}
