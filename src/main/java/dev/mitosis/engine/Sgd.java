package dev.mitosis.engine;

import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.DType;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * SGD with momentum, optionally Nesterov, and weight decay, with PyTorch's torch.optim.SGD semantics
 * (dampening 0): g = ∇ + wd·θ; b = μ·b + g; step = g + μ·b (Nesterov) or b; θ = θ − lr·step.
 * Weight decay applies to conv and linear weights only (see {@link Network#decays}).
 *
 * <p>Steps run outside any gradient collector (PyTorch refuses in-place updates of leaves inside
 * one), and each step zeroes the gradients it consumed, since PyTorch accumulates them.
 */
final class Sgd implements AutoCloseable {

    /** Optimizer settings; the published fine-tuning uses momentum 0.9 and weight decay 1e-4. */
    record Config(double momentum, boolean nesterov, double weightDecay) {
        Config {
            if (momentum < 0 || momentum >= 1) {
                throw new IllegalArgumentException("momentum must be in [0, 1), found " + momentum);
            }
            if (weightDecay < 0) {
                throw new IllegalArgumentException("weight decay must be non-negative, found " + weightDecay);
            }
            if (nesterov && momentum == 0) {
                throw new IllegalArgumentException("Nesterov needs a momentum > 0");
            }
        }
    }

    private final Network network;
    private final Config config;
    private final NDManager stateManager;
    private final NDArray buffer;
    private final NDArray decay;

    Sgd(Network network, Config config) {
        this.network = network;
        this.config = config;
        this.stateManager = network.manager().newSubManager();
        NDArray p = network.flatParameters();
        this.buffer = config.momentum() > 0 ? stateManager.zeros(p.getShape(), p.getDataType()) : null;
        this.decay = scratch(network.decayMask().mul(config.weightDecay()), stateManager);
    }

    void step(double lr, NDManager scratch) {
        NDArray p = network.flatParameters();
        NDArray g = p.getGradient();
        g.attach(scratch);
        if (config.weightDecay() > 0) {
            g.addi(scratch(p.mul(decay), scratch));
        }
        NDArray stepDir = g;
        float mu = (float) config.momentum();
        if (mu > 0) {
            buffer.muli(mu).addi(g);
            stepDir = config.nesterov() ? g.addi(scratch(buffer.mul(mu), scratch)) : buffer;
        }
        p.subi(scratch(stepDir.mul(lr), scratch));
        JniUtils.zeroGrad((PtNDArray) p);
    }

    /** The momentum buffer on the host, or null without momentum: for a checkpoint. */
    Tensor momentum() {
        return buffer == null ? null : Network.download(buffer, buffer.getDataType()
                == DataType.FLOAT64 ? DType.F64 : DType.F32);
    }

    /** Restores a momentum buffer {@link #momentum} gave; false (and nothing changed) when it does not fit. */
    boolean restoreMomentum(Tensor saved) {
        if (buffer == null || saved == null || !saved.sameShape(buffer.getShape().getShape())) {
            return false;
        }
        try (NDManager scratch = stateManager.newSubManager()) {
            NDArray values = Network.upload(scratch, saved).toType(buffer.getDataType(), false);
            buffer.muli(0).addi(values);
        }
        return true;
    }

    /** Drops the gradients of a step that is not taken, so that they do not leak into the next one. */
    void discard() {
        JniUtils.zeroGrad((PtNDArray) network.flatParameters());
    }

    /** A result of an op on a long-lived array belongs to that array's manager; move it to the step's. */
    private static NDArray scratch(NDArray temporary, NDManager scratch) {
        temporary.attach(scratch);
        return temporary;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
