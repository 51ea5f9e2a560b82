package dev.mitosis.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mitosis.model.Model;
import dev.mitosis.net.Block;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Topology;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.WeightLayout;
import dev.mitosis.weights.Weights;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's parameters on one device, and its forward pass. Owns an {@link NDManager}; every array it
 * creates per call belongs to the caller's (per-batch) sub-manager.
 *
 * <p>Not thread-safe: create, use and close it on one thread (the CLI's main thread, or the GUI's single
 * engine thread). PyTorch's grad mode is per thread, so this is also a correctness rule.
 */
public final class Network implements AutoCloseable {

    private final NetworkSpec spec;
    private final Topology topology;
    private final NDManager manager;
    private final DataType dataType;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();
    private final Map<String, Long> batchesTracked = new LinkedHashMap<>();
    private final NDArray flat;
    private final NDArray decayMask;
    private final Map<String, Shape> trainableShapes;

    private Network(Model model, Device device) {
        this.spec = model.spec();
        this.topology = spec.topology();
        EngineBoot.claimThread();
        this.manager = EngineBoot.engine().newBaseManager(device);
        this.dataType = model.weights().floatType() == DType.F64 ? DataType.FLOAT64 : DataType.FLOAT32;
        // Trainable parameters live in one flat leaf tensor and the layers see views of it: backward then
        // fills one contiguous gradient and an SGD step is a handful of ops instead of ~10 per tensor.
        List<WeightLayout.Entry> entries = WeightLayout.of(spec);
        int total = 0;
        for (WeightLayout.Entry e : entries) {
            if (isTrainable(e)) {
                total += Math.toIntExact(Tensor.numel(e.shape()));
            }
        }
        double[] values = new double[total];
        double[] mask = new double[total];
        int offset = 0;
        for (WeightLayout.Entry e : entries) {
            Tensor t = model.weights().get(e.name());
            if (e.integer()) {
                batchesTracked.put(e.name(), (long) t.get(0));
            } else if (!isTrainable(e)) {
                NDArray a = upload(manager, t);
                a.setName(e.name());
                tensors.put(e.name(), a);
            } else {
                for (int i = 0; i < t.size(); i++) {
                    values[offset + i] = t.get(i);
                    mask[offset + i] = e.role().decayed() ? 1 : 0;
                }
                offset += t.size();
            }
        }
        DType dtype = model.weights().floatType();
        this.flat = upload(manager, Tensor.wrap(dtype, new long[] {total}, values));
        this.flat.setRequiresGradient(true);
        this.decayMask = upload(manager, Tensor.wrap(dtype, new long[] {total}, mask));
        this.trainableShapes = new LinkedHashMap<>();
        for (WeightLayout.Entry e : entries) {
            if (isTrainable(e)) {
                trainableShapes.put(e.name(), new Shape(e.shape()));
            }
        }
        // Views for inference, probing and download: made without autograd history, so the optimizer may
        // update the flat tensor under them in place.
        tensors.putAll(views(manager));
    }

    /**
     * Every trainable tensor as a view of the flat leaf: one split (a single autograd node whose backward
     * is one concatenation) and a reshape each. Made afresh for each training forward, because PyTorch
     * forbids in-place updates of a base whose multi-output views carry autograd history.
     */
    private Map<String, NDArray> views(NDManager owner) {
        long[] cuts = new long[trainableShapes.size() - 1];
        long offset = 0;
        int i = 0;
        for (Shape shape : trainableShapes.values()) {
            if (i < cuts.length) {
                offset += shape.size();
                cuts[i++] = offset;
            }
        }
        ai.djl.ndarray.NDList pieces = flat.split(cuts, 0);
        Map<String, NDArray> views = new LinkedHashMap<>();
        i = 0;
        for (Map.Entry<String, Shape> e : trainableShapes.entrySet()) {
            NDArray piece = pieces.get(i++);
            NDArray view = piece.reshape(e.getValue());
            piece.attach(owner);
            view.attach(owner);
            views.put(e.getKey(), view);
        }
        return views;
    }

    private static boolean isTrainable(WeightLayout.Entry e) {
        return e.role().trainable();
    }

    /** Uploads {@code model} to {@code device}; F64 weights give a float64 network (for exact checks). */
    public static Network load(Model model, Device device) {
        return new Network(model, device);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Topology topology() {
        return topology;
    }

    public Device device() {
        return manager.getDevice();
    }

    public DataType dataType() {
        return dataType;
    }

    public NDManager manager() {
        return manager;
    }

    /** Input batch (N, C, H, W) from host floats, in the network's dtype, on its device. */
    public NDArray input(NDManager batchManager, float[] images, int n) {
        var in = spec.input();
        Shape shape = new Shape(n, in.channels(), in.height(), in.width());
        NDArray x = batchManager.create(FloatBuffer.wrap(images, 0, Math.toIntExact(shape.size())), shape)
                .toDevice(device(), false);
        return dataType == DataType.FLOAT32 ? x : x.toType(dataType, false);
    }

    /**
     * The batch as {@link #input} gives it, stored channels-last (NHWC in memory, still NCHW in shape) on a
     * CPU. PyTorch keeps that layout through every conv and elementwise op after it, and oneDNN then
     * convolves without reordering each activation into its blocked layout and back: with the default
     * layout reorders took half of oneDNN's time in the splitting pass (277 of 543 ms over 13 steps of
     * `mitosis bench split`, by ONEDNN_VERBOSE), channels-last cut them to 152 of 481 ms. Training showed
     * no measurable difference, so it keeps the default layout, as do GPUs (untested there).
     */
    public NDArray inputChannelsLast(NDManager batchManager, float[] images, int n) {
        NDArray x = input(batchManager, images, n);
        if (device().isGpu()) {
            return x;
        }
        Shape s = x.getShape();
        // Merging W with C cannot be a view of the permuted array, so this reshape copies it into a dense
        // NHWC array; the second reshape and the transpose back are views.
        return x.transpose(0, 2, 3, 1).reshape(s.get(0), s.get(2), s.get(3) * s.get(1))
                .reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /**
     * Logits (N, classes). In training mode BN uses batch statistics and updates its running statistics
     * (and num_batches_tracked); otherwise the running statistics.
     */
    public NDArray forward(NDArray x, boolean training) {
        Map<String, NDArray> params = tensors;
        if (training) {
            batchesTracked.replaceAll((k, v) -> v + 1);
            params = trainingParameters(x.getManager());
        }
        return forward(x, spec, topology, params, training, Ops.BN_MOMENTUM_DJL);
    }

    /**
     * The forward pass of any network {@code spec} whose tensors are in {@code params} (by state_dict
     * name): this network's own, or a slice of them (see {@link SlimmableNetwork}).
     *
     * @param bnMomentum DJL's complement of PyTorch's BN momentum, for the running statistics in training mode
     */
    static NDArray forward(NDArray x, NetworkSpec spec, Topology topology, Map<String, NDArray> params,
                           boolean training, float bnMomentum) {
        List<Block> blocks = spec.blocks();
        List<Layer> layers = topology.layers();
        int next = 0;
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            if (block instanceof Block.GlobalPool) {
                x = Ops.globalAveragePool(x);
                continue;
            }
            NDArray blockInput = x;
            while (next < layers.size() && layers.get(next).block() == b) {
                x = apply(layers.get(next++), x, training, params, bnMomentum);
            }
            if (topology.residual().get(b)) {
                x = Ops.add(x, blockInput);
            }
        }
        return x;
    }

    /** The tensors for inference: trainable ones as views without autograd history. */
    Map<String, NDArray> parameters() {
        return tensors;
    }

    /** The tensors for a training forward: trainable ones as fresh views of the flat leaf, owned by {@code batch}. */
    Map<String, NDArray> trainingParameters(NDManager batch) {
        Map<String, NDArray> params = new LinkedHashMap<>(tensors);
        params.putAll(views(batch));
        return params;
    }

    /** One layer: conv → BN → activation, or the classifier. */
    private static NDArray apply(Layer layer, NDArray x, boolean training, Map<String, NDArray> params,
                                 float bnMomentum) {
        if (layer.op() == Layer.Op.LINEAR) {
            return Ops.linear(x, params.get(layer.weightKey()), params.get(layer.name() + ".bias"));
        }
        NDArray h = Ops.batchNorm(Ops.conv(layer, x, params.get(layer.weightKey())), batchNorm(layer, params),
                training, bnMomentum);
        return Ops.activate(layer.activation(), h);
    }

    NDArray weight(Layer layer) {
        return tensors.get(layer.weightKey());
    }

    BatchNormParams batchNorm(Layer layer) {
        return batchNorm(layer, tensors);
    }

    private static BatchNormParams batchNorm(Layer layer, Map<String, NDArray> params) {
        String p = layer.batchNormPrefix();
        return new BatchNormParams(params.get(p + ".weight"), params.get(p + ".bias"),
                params.get(p + ".running_mean"), params.get(p + ".running_var"));
    }

    NDArray tensor(String name) {
        return tensors.get(name);
    }

    /** All trainable parameters, concatenated in layout order: the one leaf that collects gradients. */
    NDArray flatParameters() {
        return flat;
    }

    /** 1 where weight decay applies (conv and linear weights), 0 elsewhere; aligned with {@link #flatParameters}. */
    NDArray decayMask() {
        return decayMask;
    }

    /** Downloads all parameters and buffers to the host, in layout order. */
    public Weights weights() {
        DType dtype = dataType == DataType.FLOAT64 ? DType.F64 : DType.F32;
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (WeightLayout.Entry e : WeightLayout.of(spec)) {
            if (e.integer()) {
                map.put(e.name(), Tensor.scalar(DType.I64, batchesTracked.get(e.name())));
            } else {
                map.put(e.name(), download(tensors.get(e.name()), dtype));
            }
        }
        return new Weights(map);
    }

    public Model model() {
        return new Model(spec, weights());
    }

    static NDArray upload(NDManager manager, Tensor t) {
        Shape shape = new Shape(t.shape());
        if (t.dtype() == DType.F64) {
            return manager.create(DoubleBuffer.wrap(t.values()), shape);
        }
        return manager.create(FloatBuffer.wrap(t.toFloats()), shape);
    }

    static Tensor download(NDArray a, DType dtype) {
        long[] shape = a.getShape().getShape();
        try (NDManager scratch = a.getManager().newSubManager()) {
            NDArray host = a.toDevice(ai.djl.Device.cpu(), false);
            if (host != a) {
                host.attach(scratch);
            }
            return dtype == DType.F64 ? Tensor.wrap(DType.F64, shape, host.toDoubleArray())
                    : Tensor.ofFloats(shape, host.toFloatArray());
        }
    }

    @Override
    public void close() {
        manager.close();
        NativeMemory.trim();
    }
}
