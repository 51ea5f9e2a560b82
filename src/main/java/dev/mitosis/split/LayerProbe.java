package dev.mitosis.split;

import java.util.Optional;

/**
 * Splitting eigenpairs of every neuron of one layer: λ_min and its unit eigenvector v_min, and, when
 * estimated, λ_max and v_max (needed by signed splitting).
 *
 * @param key the layer's op name, e.g. "blocks.3.pw"
 * @param weightKey the state_dict key of its weight, e.g. "blocks.3.pw.weight"
 */
public record LayerProbe(String key, String weightKey, int width, int fanIn, double[] lambdaMin, double[][] vMin,
                         Optional<double[]> lambdaMax, Optional<double[][]> vMax) {

    public LayerProbe {
        if (lambdaMin.length != width || vMin.length != width) {
            throw new IllegalArgumentException(key + ": expected " + width + " eigenpairs, found " + lambdaMin.length);
        }
    }

    public boolean hasMax() {
        return lambdaMax.isPresent();
    }
}
