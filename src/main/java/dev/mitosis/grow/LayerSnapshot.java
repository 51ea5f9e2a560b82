package dev.mitosis.grow;

/**
 * Splitting statistics of one layer after a probe: per-neuron λ_min (and λ_max when estimated), the
 * MAC cost of one more neuron and whether the selection chose the neuron. Arrays are copies owned by
 * the snapshot; treat them as read-only.
 *
 * @param lambdaMax empty array when λ_max was not estimated
 */
public record LayerSnapshot(String key, double[] lambdaMin, double[] lambdaMax, long macCost, boolean[] selected) {

    public int width() {
        return lambdaMin.length;
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
