package dev.mitosis.engine;

import ai.djl.ndarray.NDArray;
import dev.mitosis.net.Activation;

/**
 * First and second derivatives of the activations, for the splitting matrix (ALGORITHMS.md §1).
 * Swish has a true σ″. ReLU, ReLU6 and hard-swish have kinks where σ″ is a Dirac delta; there σ″ is
 * replaced by the second derivative of softplus with sharpness β, β·s(βh)·(1 − s(βh)) per kink (the
 * S2D surrogate), while σ′ stays the true derivative and the forward pass stays unchanged.
 */
final class Curvature {

    private Curvature() {
    }

    /** Both derivatives at once; they share work for swish. */
    record Derivatives(NDArray first, NDArray second) {
    }

    static Derivatives of(Activation activation, NDArray h, double beta) {
        return switch (activation) {
            case SWISH -> swish(h);
            case RELU -> new Derivatives(h.gt(0).toType(h.getDataType(), false), smoothedDelta(h, 0, beta));
            case RELU6 -> new Derivatives(h.gt(0).logicalAnd(h.lt(6)).toType(h.getDataType(), false),
                    smoothedDelta(h, 0, beta).sub(smoothedDelta(h, 6, beta)));
            case HARD_SWISH -> hardSwish(h, beta);
            case IDENTITY -> throw new IllegalArgumentException("a linear layer has no splitting curvature");
        };
    }

    /**
     * s = sigmoid(h), t = s(1 − s): σ′ = s + h·t, σ″ = t·(2 + h(1 − 2s)).
     */
    private static Derivatives swish(NDArray h) {
        NDArray s = h.getNDArrayInternal().sigmoid();
        NDArray t = s.sub(s.mul(s));
        NDArray first = s.add(h.mul(t));
        NDArray second = t.mul(h.mul(s.mul(-2).add(1)).add(2));
        return new Derivatives(first, second);
    }

    /**
     * hswish(h) = h·relu6(h + 3)/6: σ′ = 0, (2h + 3)/6, 1 on h < −3, −3 ≤ h ≤ 3, h > 3; σ″ = 1/3 inside,
     * with jumps of σ′ by −1/2 at h = −3 and at h = 3, smoothed as for ReLU.
     */
    private static Derivatives hardSwish(NDArray h, double beta) {
        NDArray inside = h.gte(-3).logicalAnd(h.lte(3)).toType(h.getDataType(), false);
        NDArray above = h.gt(3).toType(h.getDataType(), false);
        NDArray first = inside.mul(h.mul(2).add(3).div(6)).add(above);
        NDArray second = inside.div(3).sub(smoothedDelta(h, -3, beta).add(smoothedDelta(h, 3, beta)).mul(0.5));
        return new Derivatives(first, second);
    }

    /** β·s(β(h − at))·(1 − s(β(h − at))): softplus″, a smoothed δ(h − at) of unit mass. */
    private static NDArray smoothedDelta(NDArray h, double at, double beta) {
        NDArray s = h.sub(at).mul(beta).getNDArrayInternal().sigmoid();
        return s.sub(s.mul(s)).mul(beta);
    }
}
