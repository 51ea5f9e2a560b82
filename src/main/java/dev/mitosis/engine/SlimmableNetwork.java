package dev.mitosis.engine;

import java.util.Arrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.mitosis.model.Model;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Topology;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.WeightLayout;
import dev.mitosis.weights.Weights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network at its largest widths (the supernet) that runs at any smaller widths by using the first c
 * channels of every layer, as slimmable networks do (Yu &amp; Huang; docs/algorithms.md §9). A
 * configuration is a {@link NetworkSpec} of the same blocks whose every tensor fits inside the
 * supernet's; its tensors are views of the supernet's leading channels, so a training pass at any width
 * sends its gradients into the one flat parameter of the supernet and nothing is copied.
 *
 * <p>Batch-norm statistics are not shared between configurations: training uses batch statistics only
 * (the supernet's running buffers are scratch then), and a configuration gets its own statistics from a
 * {@link Calibration} before it is evaluated or sliced out. Same threading rule as {@link Network}.
 */
public final class SlimmableNetwork implements AutoCloseable {

    private final Network supernet;

    private SlimmableNetwork(Network supernet) {
        this.supernet = supernet;
    }

    /** Uploads the supernet; F64 weights give a float64 network (for exact checks). */
    public static SlimmableNetwork load(Model supernet, Device device) {
        return new SlimmableNetwork(Network.load(supernet, device));
    }

    /** The supernet's spec: the largest configuration. */
    public NetworkSpec spec() {
        return supernet.spec();
    }

    public Device device() {
        return supernet.device();
    }

    /** The supernet's weights with its (scratch) BN statistics, for a checkpoint. */
    public Weights weights() {
        return supernet.weights();
    }

    Network supernet() {
        return supernet;
    }

    /**
     * Fails unless every tensor of {@code config} fits inside the supernet's: the same blocks and layers,
     * no dimension larger.
     */
    public void checkFits(NetworkSpec config) {
        List<Layer> small = config.topology().layers();
        List<Layer> large = supernet.topology().layers();
        if (small.size() != large.size()) {
            throw new IllegalArgumentException(config.name() + " has " + small.size() + " layers, the supernet "
                    + large.size());
        }
        for (int i = 0; i < small.size(); i++) {
            Layer s = small.get(i);
            Layer l = large.get(i);
            long[] ss = s.weightShape();
            long[] ls = l.weightShape();
            boolean fits = s.name().equals(l.name()) && s.op() == l.op() && ss.length == ls.length;
            for (int d = 0; fits && d < ss.length; d++) {
                fits = ss[d] <= ls[d];
            }
            if (!fits) {
                throw new IllegalArgumentException(config.name() + ": layer " + s.name() + " "
                        + Arrays.toString(ss) + " does not fit inside the supernet's "
                        + Arrays.toString(ls));
            }
        }
    }

    /**
     * Logits of {@code config} on {@code x} (from {@link #input}). In training mode BN normalises with
     * batch statistics and the tensors carry autograd history into the supernet's parameter when
     * {@code source} is {@link Network#trainingParameters}; otherwise BN uses {@code stats}.
     */
    NDArray forward(NDArray x, NetworkSpec config, Topology topology, Map<String, NDArray> source, boolean training,
                    Calibration stats) {
        return Network.forward(x, config, topology, slice(topology, source, stats), training,
                Ops.BN_MOMENTUM_DJL);
    }

    /** The input batch, as {@link Network#input} makes it. */
    NDArray input(NDManager batch, float[] images, int n) {
        return supernet.input(batch, images, n);
    }

    /** {@code source}'s tensors cut to {@code config}'s shapes; BN statistics from {@code stats} when given. */
    private static Map<String, NDArray> slice(Topology topology, Map<String, NDArray> source, Calibration stats) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (WeightLayout.Entry e : WeightLayout.of(topology)) {
            if (e.integer()) {
                continue;
            }
            if (stats != null && (e.role() == WeightLayout.Role.BN_MEAN || e.role() == WeightLayout.Role.BN_VARIANCE)) {
                out.put(e.name(), stats.tensors.get(e.name()));
                continue;
            }
            out.put(e.name(), leading(source.get(e.name()), e.shape()));
        }
        return out;
    }

    /** The leading block of {@code full} of the given shape: a view (torch narrow), or {@code full} itself. */
    private static NDArray leading(NDArray full, long[] shape) {
        long[] have = full.getShape().getShape();
        if (Arrays.equals(have, shape)) {
            return full;
        }
        NDIndex index = new NDIndex();
        for (long d : shape) {
            index.addSliceDim(0, d);
        }
        return full.get(index);
    }

    /**
     * Starts BN statistics for {@code config}: each batch passed to {@link Calibration#add} then counts
     * equally, as PyTorch's momentum=None does. Close it to free its buffers.
     */
    public Calibration calibrate(NetworkSpec config) {
        checkFits(config);
        return new Calibration(config);
    }

    /** Loss and correct predictions of a calibrated configuration, BN in inference mode. */
    public StepResult evaluate(Calibration stats, float[] images, int[] labels, int n) {
        try (NDManager batch = supernet.manager().newSubManager()) {
            NDArray x = input(batch, images, n);
            NDArray logits = forward(x, stats.config, stats.topology, supernet.parameters(), false, stats);
            NDArray loss = Losses.crossEntropySum(logits, Losses.targets(batch, supernet, labels, n, 0));
            return Losses.score(logits, loss, labels, n);
        }
    }

    /**
     * The calibrated configuration as a plain model: the supernet's leading channels copied out and its own
     * BN statistics, so that {@link Network#load} of it computes what this network computes at those widths.
     */
    public Model slice(Calibration stats) {
        DType dtype = supernet.dataType() == DataType.FLOAT64 ? DType.F64 : DType.F32;
        Map<String, Tensor> map = new LinkedHashMap<>();
        Map<String, NDArray> sliced = slice(stats.topology, supernet.parameters(), stats);
        for (WeightLayout.Entry e : WeightLayout.of(stats.topology)) {
            map.put(e.name(), e.integer() ? Tensor.scalar(DType.I64, stats.batches)
                    : Network.download(sliced.get(e.name()), dtype));
        }
        return new Model(stats.config, new Weights(map));
    }

    @Override
    public void close() {
        supernet.close();
    }

    /**
     * One configuration's BN running statistics, on the device: the plain average of the batch statistics of
     * every batch added. Each batch's statistics land in {@code running} exactly (momentum 1 in PyTorch's
     * terms) and are summed in float64-exact steps, where DJL's float momentum (t − 1)/t would round.
     */
    public final class Calibration implements AutoCloseable {

        private final NetworkSpec config;
        private final Topology topology;
        private final NDManager manager;
        private final Map<String, NDArray> tensors = new LinkedHashMap<>();
        private final Map<String, NDArray> sums = new LinkedHashMap<>();
        private int batches;

        private Calibration(NetworkSpec config) {
            this.config = config;
            this.topology = config.topology();
            this.manager = supernet.manager().newSubManager();
            for (WeightLayout.Entry e : WeightLayout.of(topology)) {
                if (e.role() == WeightLayout.Role.BN_MEAN || e.role() == WeightLayout.Role.BN_VARIANCE) {
                    Shape shape = new Shape(e.shape());
                    tensors.put(e.name(), e.role() == WeightLayout.Role.BN_MEAN
                            ? manager.zeros(shape, supernet.dataType()) : manager.ones(shape, supernet.dataType()));
                    sums.put(e.name(), manager.zeros(shape, supernet.dataType()));
                }
            }
        }

        public NetworkSpec config() {
            return config;
        }

        /** Batches averaged so far. */
        public int batches() {
            return batches;
        }

        /** One batch of training images (no gradients): its batch statistics join the average. */
        public void add(float[] images, int n) {
            try (NDManager batch = supernet.manager().newSubManager()) {
                NDArray x = input(batch, images, n);
                Network.forward(x, config, topology, slice(topology, supernet.parameters(), this), true, 0f);
            }
            batches++;
            for (Map.Entry<String, NDArray> e : sums.entrySet()) {
                NDArray running = tensors.get(e.getKey());
                e.getValue().addi(running);
                running.muli(0).addi(e.getValue()).divi(batches);
            }
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
