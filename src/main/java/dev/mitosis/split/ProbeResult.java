package dev.mitosis.split;

import java.util.List;
import java.util.Optional;

/**
 * The splitting eigenvalues of a whole network, layer by layer, and how they were obtained.
 *
 * @param method "fast" (Rayleigh-quotient descent) or "exact" (eigendecomposition of S)
 * @param curvature "full" (private path through the depthwise stage) or "published" (one activation)
 */
public record ProbeResult(List<LayerProbe> layers, String method, String curvature, int images, double seconds) {

    public ProbeResult {
        layers = List.copyOf(layers);
    }

    public Optional<LayerProbe> layer(String key) {
        return layers.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    public int neurons() {
        return layers.stream().mapToInt(LayerProbe::width).sum();
    }
}
