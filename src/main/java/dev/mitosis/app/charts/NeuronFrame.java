package dev.mitosis.app.charts;

import dev.mitosis.grow.LayerSnapshot;
import java.util.List;

/**
 * Per-neuron splitting statistics as the Eigenvalues and Energy charts show them: for every splittable
 * layer the λ_min of each neuron, which neurons the selection chose (empty before a selection) and the
 * MAC cost of one more neuron (−1 when unknown, e.g. while the probe still runs). An immutable snapshot:
 * its arrays are never written after construction.
 *
 * @param caption what the frame is, for the chart's subtitle ("round 2 · live probe 40 %")
 * @param strategy the selection strategy, e.g. "quantile(grow 0.3)" or "energy-aware(macs, grow 0.3)"
 */
public record NeuronFrame(String caption, String strategy, List<LayerStats> layers) {

    public NeuronFrame {
        layers = List.copyOf(layers);
    }

    /** One layer's neurons. */
    public record LayerStats(String key, double[] lambdaMin, boolean[] selected, long macCost) {
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

    /** A frame from stored or just-made selection statistics (arrays copied). */
    public static NeuronFrame of(String caption, String strategy, List<LayerSnapshot> snapshots) {
        return new NeuronFrame(caption, strategy, snapshots.stream().map(s -> new LayerStats(s.key(),
                s.lambdaMin().clone(), s.selected().clone(), s.macCost())).toList());
    }

    public int neurons() {
        return layers.stream().mapToInt(LayerStats::width).sum();
    }

    public int selectedCount() {
        return layers.stream().mapToInt(LayerStats::selectedCount).sum();
    }

    public boolean hasSelection() {
        return layers.stream().anyMatch(LayerStats::hasSelection);
    }

    /** "blocks.3.pw" → "3.pw", "blocks.5.expand" → "5.expand": compact axis labels. */
    public static String shortKey(String key) {
        return key.startsWith("blocks.") ? key.substring("blocks.".length()) : key;
    }
}
