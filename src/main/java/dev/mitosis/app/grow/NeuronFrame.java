package dev.mitosis.app.grow;

import dev.mitosis.run.LayerSnapshot;
import java.util.List;

/**
 * Per-neuron splitting statistics as the Eigenvalues and Energy charts show them: one
 * {@link LayerSnapshot} per splittable layer (live probe frames have no selection and no cost yet).
 *
 * @param caption what the frame is, for the chart's subtitle ("round 2 · live probe 40 %")
 * @param strategy the selection strategy, e.g. "quantile(grow 0.3)" or "energy-aware(macs, grow 0.3)"
 */
public record NeuronFrame(String caption, String strategy, List<LayerSnapshot> layers) {

    public NeuronFrame {
        layers = List.copyOf(layers);
    }

    public int neurons() {
        return layers.stream().mapToInt(LayerSnapshot::width).sum();
    }

    public int selectedCount() {
        return layers.stream().mapToInt(LayerSnapshot::selectedCount).sum();
    }

    public boolean hasSelection() {
        return layers.stream().anyMatch(LayerSnapshot::hasSelection);
    }
}
