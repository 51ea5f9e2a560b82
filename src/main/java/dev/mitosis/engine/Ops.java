package dev.mitosis.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import dev.mitosis.net.Activation;
import dev.mitosis.net.Layer;

/** The few tensor operations a network is made of, as PyTorch computes them. */
final class Ops {

    /** PyTorch's BN momentum 0.1; DJL states it as the complement. */
    static final float BN_MOMENTUM_DJL = 0.9f;
    static final float BN_EPS = 1e-5f;
    private static final Shape DILATION = new Shape(1, 1);

    private Ops() {
    }

    /** conv2d with the layer's stride, "same" padding k/2 and groups; no bias (a BN follows). */
    static NDArray conv(Layer layer, NDArray x, NDArray weight) {
        return conv(layer, x, weight, null);
    }

    /** conv2d with a per-channel bias (null for none): a conv with its inference-mode BN folded in. */
    static NDArray conv(Layer layer, NDArray x, NDArray weight, NDArray bias) {
        Shape stride = new Shape(layer.stride(), layer.stride());
        Shape pad = new Shape(layer.padding(), layer.padding());
        return x.getNDArrayInternal()
                .convolution(x, weight, bias, stride, pad, DILATION, layer.groups())
                .singletonOrThrow();
    }

    /**
     * Batch norm over axis 1. Training mode normalises with batch statistics and updates the running ones
     * in place (PyTorch semantics, momentum 0.1); otherwise the running statistics are used. Axis −1 takes
     * DJL's direct path (PyTorch always normalises axis 1).
     */
    static NDArray batchNorm(NDArray x, BatchNormParams bn, boolean training) {
        return batchNorm(x, bn, training, BN_MOMENTUM_DJL);
    }

    /**
     * The same with another momentum, in DJL's convention: running = m·running + (1 − m)·batch. A
     * recalibration passes m = (t − 1)/t at its t-th batch, which gives the plain average over batches
     * (PyTorch's momentum=None).
     */
    static NDArray batchNorm(NDArray x, BatchNormParams bn, boolean training, float momentum) {
        return x.getNDArrayInternal()
                .batchNorm(x, bn.runningMean(), bn.runningVar(), bn.gamma(), bn.beta(), -1, momentum, BN_EPS,
                        training)
                .singletonOrThrow();
    }

    static NDArray activate(Activation activation, NDArray h) {
        return switch (activation) {
            case RELU -> h.getNDArrayInternal().relu();
            case RELU6 -> h.clip(0, 6);
            case SWISH -> h.mul(h.getNDArrayInternal().sigmoid());
            case HARD_SWISH -> h.mul(h.add(3).clip(0, 6)).div(6);
            case IDENTITY -> h;
        };
    }

    /** Mean over the spatial axes: (N, C, H, W) → (N, C). */
    static NDArray globalAveragePool(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2});
    }

    /** x·Wᵀ + b: (N, C) → (N, K). */
    static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    static NDArray add(NDArray a, NDArray b) {
        return NDArrays.add(a, b);
    }
}
