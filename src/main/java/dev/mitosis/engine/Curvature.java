package dev.mitosis.engine;

import ai.djl.ndarray.NDArray;
import dev.mitosis.net.Activation;

/**
 * First and second derivatives of the activations, for the splitting matrix (docs/algorithms.md §1).
 * Swish has a true σ″. ReLU, ReLU6 and hard-swish have kinks where σ″ is a Dirac delta; there σ″ is
 * replaced by the second derivative of softplus with sharpness β, β·s(βh)·(1 − s(βh)) per kink (the
 * S2D surrogate), while σ′ stays the true derivative and the forward pass stays unchanged.
 */
final class Curvature {

    private Curvature() {
    }

    /**
     * σ(h) with its autograd history, and σ′ (only if {@code needFirst}) and σ″ at h without history.
     * For swish the sigmoid is computed once for all three.
     */
    record Activated(NDArray value, NDArray first, NDArray second) {
    }

    static Activated activate(Activation activation, NDArray h, boolean needFirst, double beta) {
        NDArray hd = h.stopGradient();
        return switch (activation) {
            case SWISH -> {
                NDArray s = h.getNDArrayInternal().sigmoid();
                NDArray value = h.mul(s);
                // With a = h·s and t = s(1 − s): σ′ = s + h·t and σ″ = t·(2 + h − 2a). The arrays below are
                // fresh and history-free, so they are updated in place to spare allocations.
                NDArray sd = s.stopGradient();
                NDArray t = sd.sub(sd.mul(sd));
                NDArray second = value.stopGradient().mul(-2).addi(hd).addi(2).muli(t);
                NDArray first = needFirst ? hd.mul(t).addi(sd) : null;
                yield new Activated(value, first, second);
            }
            case RELU -> new Activated(Ops.activate(activation, h),
                    needFirst ? hd.gt(0).toType(hd.getDataType(), false) : null, smoothedDelta(hd, 0, beta));
            case RELU6 -> new Activated(Ops.activate(activation, h),
                    needFirst ? hd.gt(0).logicalAnd(hd.lt(6)).toType(hd.getDataType(), false) : null,
                    smoothedDelta(hd, 0, beta).sub(smoothedDelta(hd, 6, beta)));
            case HARD_SWISH -> hardSwish(h, hd, needFirst, beta);
            case IDENTITY -> throw new IllegalArgumentException("a linear layer has no splitting curvature");
        };
    }

    /**
     * hswish(h) = h·relu6(h + 3)/6: σ′ = 0, (2h + 3)/6, 1 on h < −3, −3 ≤ h ≤ 3, h > 3; σ″ = 1/3 inside,
     * with jumps of σ′ by −1/2 at h = −3 and at h = 3, smoothed as for ReLU.
     */
    private static Activated hardSwish(NDArray h, NDArray hd, boolean needFirst, double beta) {
        NDArray inside = hd.gte(-3).logicalAnd(hd.lte(3)).toType(hd.getDataType(), false);
        NDArray first = needFirst
                ? inside.mul(hd.mul(2).add(3).div(6)).add(hd.gt(3).toType(hd.getDataType(), false))
                : null;
        NDArray second = inside.div(3).sub(smoothedDelta(hd, -3, beta).add(smoothedDelta(hd, 3, beta)).mul(0.5));
        return new Activated(Ops.activate(Activation.HARD_SWISH, h), first, second);
    }

    /** β·s(β(h − at))·(1 − s(β(h − at))): softplus″, a smoothed δ(h − at) of unit mass. */
    private static NDArray smoothedDelta(NDArray h, double at, double beta) {
        // Each op is a pass over an activation-sized tensor, and the splitting pass is memory-bound at
        // seed widths: skip the shift for a kink at 0 and scale in place.
        NDArray s = (at == 0 ? h.mul(beta) : h.sub(at).muli(beta)).getNDArrayInternal().sigmoid();
        return s.sub(s.mul(s)).muli(beta);
    }
}
