package dev.mitosis.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.mitosis.net.Block;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NeuronLayer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiplies the splitting matrix of every neuron of every splittable layer by a direction, all in one
 * forward and one backward pass (docs/algorithms.md §1–2). This is the primitive both probes are built on:
 * the fast probe feeds it Rayleigh-quotient iterates, the exact probe the unit vectors.
 *
 * <p>BN is frozen (inference statistics) in every layer, so each conv+BN is folded into one affine conv:
 * h = c·conv(x, θ) + b′ with c = γ/√(var + eps). Along each neuron's private path the pass carries, next
 * to the value, the dual parts u_y (from a zero weight y that takes the gradient) and u_v (from the
 * direction v):
 * <pre>
 *   at the conv:        u_y = c·conv(x, y),  u_v = c·conv(x, v)
 *   at σ₁:              a + σ₁″(h)·u_v·u_y                                 (the published probe)
 *   at σ₂ (depthwise):  z + σ₂″(h₂)·A(σ₁′(h)·u_v)·A(σ₁′(h)·u_y)            (A = depthwise conv + BN scale)
 * </pre>
 * The σ₂ term is the depthwise path's own curvature, which the published code leaves out
 * ({@link Options#fullPath}). Because y = 0 the outputs are unchanged, yet ∂L/∂y_j = S_j·v_j. Dual parts
 * only ever carry gradient to y (their derivative in x vanishes at y = 0), so they are computed from
 * detached inputs: the pass costs one training step plus one conv (and two depthwise convs) per layer.
 * Both are obtained from a single conv: w = conv(x, c·v + y), u_v = detach(w), u_y = w − detach(w).
 *
 * <p>Not thread-safe; same owner thread as its {@link Network}.
 */
public final class SplittingPass implements AutoCloseable {

    /**
     * @param reluBeta sharpness of the softplus surrogate for σ″ of ReLU-family activations (S2D: 3)
     * @param fullPath include the depthwise path's curvature (exact S); false reproduces the published
     *     one-activation probe
     */
    public record Options(double reluBeta, boolean fullPath) {
        public Options {
            if (!(reluBeta > 0)) {
                throw new IllegalArgumentException("ReLU surrogate beta must be positive, found " + reluBeta);
            }
        }

        /** β = 3 (the S2D code's surrogate) with the depthwise path's curvature. */
        public static Options defaults() {
            return new Options(3.0, true);
        }

        public Options withFullPath(boolean full) {
            return new Options(reluBeta, full);
        }
    }

    /** S·v for every layer (rows = neurons, row-major C×D) and the batch's mean loss. */
    public record Product(List<double[]> sv, double loss) {
    }

    private final Network network;
    private final List<NeuronLayer> layers;
    private final Options options;
    private final NDManager foldedManager;
    private final Map<String, NDArray> foldedWeight = new HashMap<>();
    private final Map<String, NDArray> foldedBias = new HashMap<>();
    private final Map<String, double[]> scale = new HashMap<>();
    private final Map<String, Integer> byConv = new HashMap<>();
    private final Map<String, Integer> byDepthwise = new HashMap<>();

    public SplittingPass(Network network, List<NeuronLayer> layers, Options options) {
        this.network = network;
        this.layers = List.copyOf(layers);
        this.options = options;
        this.foldedManager = network.manager().newSubManager();
        for (Layer l : network.topology().layers()) {
            if (l.hasBatchNorm()) {
                fold(l);
            } else {
                // Constant copies: the network's own arrays are views of its trainable leaf.
                foldedWeight.put(l.name(), keep(network.weight(l).duplicate(), foldedManager));
                foldedBias.put(l.name(), keep(network.tensor(l.name() + ".bias").duplicate(), foldedManager));
            }
        }
        for (int i = 0; i < this.layers.size(); i++) {
            NeuronLayer n = this.layers.get(i);
            byConv.put(n.key(), i);
            if (options.fullPath()) {
                int index = i;
                n.depthwise().ifPresent(dw -> byDepthwise.put(dw.name(), index));
            }
        }
    }

    public List<NeuronLayer> layers() {
        return layers;
    }

    /** θ′ = c·θ and b′ = β − c·mean per output channel, computed once (weights do not change). */
    private void fold(Layer l) {
        BatchNormParams bn = network.batchNorm(l);
        try (NDManager temporaries = network.manager().newSubManager()) {
            // Results of ops on the network's arrays belong to the network's manager: move each one.
            NDArray std = keep(bn.runningVar().add(Ops.BN_EPS), temporaries).sqrt();
            NDArray c = keep(bn.gamma().div(std), temporaries);
            long[] broadcast = new long[l.weightShape().length];
            java.util.Arrays.fill(broadcast, 1);
            broadcast[0] = l.outChannels();
            NDArray w = keep(network.weight(l).mul(c.reshape(new Shape(broadcast))), foldedManager);
            NDArray b = keep(bn.beta().sub(keep(c.mul(bn.runningMean()), temporaries)), foldedManager);
            foldedWeight.put(l.name(), w);
            foldedBias.put(l.name(), b);
            scale.put(l.name(), toDoubles(c));
        }
    }

    private static NDArray keep(NDArray a, NDManager owner) {
        a.attach(owner);
        return a;
    }

    /**
     * S·v for every neuron, averaged over the batch: for layer i, {@code directions.get(i)} holds one
     * direction per neuron (C_out × D, row-major) and the result the matching products.
     */
    public Product multiply(float[] images, int[] labels, int n, List<double[]> directions) {
        if (directions.size() != layers.size()) {
            throw new IllegalArgumentException("expected directions for " + layers.size() + " layers, found "
                    + directions.size());
        }
        try (NDManager batch = network.manager().newSubManager()) {
            NDArray x = network.inputChannelsLast(batch, images, n);
            List<NDArray> ys = new ArrayList<>();
            List<NDArray> scaledV = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                Layer conv = layers.get(i).conv();
                Shape shape = new Shape(conv.weightShape());
                NDArray y = batch.zeros(shape, network.dataType());
                y.setRequiresGradient(true);
                ys.add(y);
                scaledV.add(upload(batch, scaleRows(directions.get(i), scale.get(conv.name()), conv.fanIn()), shape));
            }
            double loss;
            try (GradientCollector collector = EngineBoot.engine().newGradientCollector()) {
                NDArray logits = forward(x, ys, scaledV);
                NDArray lossArray = logits.logSoftmax(1).mul(Losses.targets(batch, network, labels, n, 0)).sum()
                        .neg().div(n);
                collector.backward(lossArray);
                loss = Losses.scalar(lossArray);
            }
            List<double[]> products = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                Layer conv = layers.get(i).conv();
                NDArray grad = ys.get(i).getGradient();
                grad.attach(batch);
                // ∂L/∂y was taken w.r.t. y inside c·(·), so the chain rule brings in c once more.
                products.add(scaleRows(toDoubles(grad), scale.get(conv.name()), conv.fanIn()));
            }
            return new Product(products, loss);
        }
    }

    /** The network's forward pass with folded BN and the dual parts along every private path. */
    private NDArray forward(NDArray x, List<NDArray> ys, List<NDArray> scaledV) {
        List<Block> blocks = network.spec().blocks();
        List<Layer> all = network.topology().layers();
        NDArray[] pendingDepthwiseInput = new NDArray[layers.size()];
        int next = 0;
        for (int b = 0; b < blocks.size(); b++) {
            if (blocks.get(b) instanceof Block.GlobalPool) {
                x = Ops.globalAveragePool(x);
                continue;
            }
            NDArray blockInput = x;
            while (next < all.size() && all.get(next).block() == b) {
                Layer l = all.get(next++);
                if (l.op() == Layer.Op.LINEAR) {
                    x = Ops.linear(x, foldedWeight.get(l.name()), foldedBias.get(l.name()));
                    continue;
                }
                NDArray h = Ops.conv(l, x, foldedWeight.get(l.name()), foldedBias.get(l.name()));
                Integer own = byConv.get(l.name());
                Integer path = byDepthwise.get(l.name());
                if (own != null) {
                    x = startPath(own, l, x, h, ys.get(own), scaledV.get(own), pendingDepthwiseInput);
                } else if (path != null) {
                    x = continuePath(l, h, pendingDepthwiseInput[path]);
                } else {
                    x = Ops.activate(l.activation(), h);
                }
            }
            if (network.topology().residual().get(b)) {
                x = Ops.add(x, blockInput);
            }
        }
        return x;
    }

    /**
     * At the neuron layer's own activation: a + σ₁″(h)·u_v·u_y. Leaves σ₁′(h)·w for the depthwise stage.
     */
    private NDArray startPath(int index, Layer l, NDArray x, NDArray h, NDArray y, NDArray scaledV,
                              NDArray[] pending) {
        NDArray w = Ops.conv(l, x.stopGradient(), scaledV.add(y));
        NDArray uv = w.stopGradient();
        NDArray uy = w.sub(uv);
        boolean continues = byDepthwise.containsValue(index);
        Curvature.Activated a = Curvature.activate(l.activation(), h, continues, options.reluBeta());
        if (continues) {
            pending[index] = a.first().mul(w);
        }
        return a.value().add(a.second().muli(uv).mul(uy));
    }

    /** At the depthwise stage's activation: z + σ₂″(h₂)·A(σ₁′·u_v)·A(σ₁′·u_y). */
    private NDArray continuePath(Layer dw, NDArray h2, NDArray firstDerivativeTimesW) {
        NDArray zc = Ops.conv(dw, firstDerivativeTimesW, foldedWeight.get(dw.name()));
        NDArray zv = zc.stopGradient();
        NDArray zy = zc.sub(zv);
        Curvature.Activated z = Curvature.activate(dw.activation(), h2, false, options.reluBeta());
        return z.value().add(z.second().muli(zv).mul(zy));
    }

    private NDArray upload(NDManager m, double[] values, Shape shape) {
        if (network.dataType() == DataType.FLOAT64) {
            return m.create(DoubleBuffer.wrap(values), shape).toDevice(network.device(), false);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return m.create(FloatBuffer.wrap(f), shape).toDevice(network.device(), false);
    }

    private static double[] scaleRows(double[] rows, double[] c, int rowLength) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i] * c[i / rowLength];
        }
        return out;
    }

    private static double[] toDoubles(NDArray a) {
        NDArray host = a.toDevice(ai.djl.Device.cpu(), false);
        if (host.getDataType() == DataType.FLOAT64) {
            return host.toDoubleArray();
        }
        float[] f = host.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Override
    public void close() {
        foldedManager.close();
    }
}
