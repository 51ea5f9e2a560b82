package dev.mitosis.net;

import dev.mitosis.net.Block.Conv;
import dev.mitosis.net.Block.DepthwiseSeparable;
import dev.mitosis.net.Block.GlobalPool;
import dev.mitosis.net.Block.InvertedResidual;
import dev.mitosis.net.Block.Linear;
import dev.mitosis.net.Layer.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a network's blocks expand to: shape inference, the weighted layers in execution order, the
 * splittable layers and the totals. Pure function of the spec; {@link #infer} is where every shape
 * error is found and worded.
 *
 * @param blockOutputs output shape of every block (the pool and classifier give C×1×1)
 * @param residual for every block, whether it adds its input to its output
 */
public record Topology(List<Layer> layers, List<NeuronLayer> neuronLayers, List<FeatureShape> blockOutputs,
                       List<Boolean> residual, long macs, long params) {

    public Topology {
        layers = List.copyOf(layers);
        neuronLayers = List.copyOf(neuronLayers);
        blockOutputs = List.copyOf(blockOutputs);
        residual = List.copyOf(residual);
    }

    public static Topology infer(FeatureShape input, int classes, List<Block> blocks) {
        if (classes < 2) {
            throw new InvalidSpecException("classes must be at least 2, found " + classes);
        }
        if (blocks.isEmpty()) {
            throw new InvalidSpecException("the network has no blocks");
        }
        checkOrder(blocks);
        List<Layer> layers = new ArrayList<>();
        List<FeatureShape> outputs = new ArrayList<>();
        List<Boolean> residual = new ArrayList<>();
        FeatureShape x = input;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            boolean adds = false;
            if (block instanceof Conv c) {
                x = add(layers, conv(i, "conv", Op.CONV, x, c.out(), c.kernel(), c.stride(), c.activation(),
                        block));
            } else if (block instanceof DepthwiseSeparable d) {
                x = add(layers, conv(i, "dw", Op.DEPTHWISE, x, x.channels(), d.kernel(), d.stride(),
                        d.activation(), block));
                x = add(layers, conv(i, "pw", Op.CONV, x, d.out(), 1, 1, d.activation(), block));
            } else if (block instanceof InvertedResidual r) {
                FeatureShape in = x;
                if (r.expands()) {
                    x = add(layers, conv(i, "expand", Op.CONV, x, r.hidden(), 1, 1, r.activation(), block));
                }
                x = add(layers, conv(i, "dw", Op.DEPTHWISE, x, x.channels(), r.kernel(), r.stride(),
                        r.activation(), block));
                x = add(layers, conv(i, "project", Op.CONV, x, r.out(), 1, 1, Activation.IDENTITY, block));
                adds = r.stride() == 1 && in.channels() == r.out();
            } else if (block instanceof GlobalPool) {
                x = new FeatureShape(x.channels(), 1, 1);
            } else if (block instanceof Linear) {
                Layer fc = new Layer(i, "fc", Op.LINEAR, x, new FeatureShape(classes, 1, 1), 1, 1,
                        Activation.IDENTITY, (long) x.channels() * classes, (long) x.channels() * classes + classes);
                x = add(layers, fc);
            }
            outputs.add(x);
            residual.add(adds);
        }
        List<NeuronLayer> neurons = neuronLayers(blocks, layers, residual);
        long macs = layers.stream().mapToLong(Layer::macs).sum();
        long params = layers.stream().mapToLong(Layer::params).sum();
        return new Topology(layers, neurons, outputs, residual, macs, params);
    }

    public Optional<Layer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<NeuronLayer> neuronLayer(String keyOrWeightKey) {
        return neuronLayers.stream()
                .filter(n -> n.key().equals(keyOrWeightKey) || n.weightKey().equals(keyOrWeightKey))
                .findFirst();
    }

    public List<Layer> layersOfBlock(int block) {
        return layers.stream().filter(l -> l.block() == block).toList();
    }

    /** Neurons in all splittable layers. */
    public int neuronCount() {
        return neuronLayers.stream().mapToInt(NeuronLayer::width).sum();
    }

    private static void checkOrder(List<Block> blocks) {
        int n = blocks.size();
        if (!(blocks.get(n - 1) instanceof Linear)) {
            throw new InvalidSpecException("block " + (n - 1) + " (" + blocks.get(n - 1).kind()
                    + "): the last block must be the linear classifier");
        }
        if (n < 2 || !(blocks.get(n - 2) instanceof GlobalPool)) {
            throw new InvalidSpecException("block " + (n - 1)
                    + " (linear): the classifier must follow a global pool block");
        }
        for (int i = 0; i < n - 2; i++) {
            Block b = blocks.get(i);
            if (b instanceof GlobalPool || b instanceof Linear) {
                throw new InvalidSpecException("block " + i + " (" + b.kind()
                        + "): only the last two blocks may be the pool and the classifier");
            }
        }
        if (n == 2) {
            throw new InvalidSpecException("the network has no convolution before the pool");
        }
    }

    private static Layer conv(int block, String part, Op op, FeatureShape in, int out, int kernel, int stride,
                              Activation act, Block owner) {
        if (stride > 1 && in.height() == 1 && in.width() == 1) {
            throw new InvalidSpecException("block " + block + " (" + owner.kind() + "): stride " + stride
                    + " on a 1x1 feature map");
        }
        int pad = kernel / 2;
        int h = (in.height() + 2 * pad - kernel) / stride + 1;
        int w = (in.width() + 2 * pad - kernel) / stride + 1;
        FeatureShape outShape = new FeatureShape(out, h, w);
        long perOutput = (long) kernel * kernel * (op == Op.DEPTHWISE ? 1 : in.channels());
        long macs = perOutput * outShape.size();
        long params = perOutput * out + 2L * out;
        return new Layer(block, part, op, in, outShape, kernel, stride, act, macs, params);
    }

    private static FeatureShape add(List<Layer> layers, Layer layer) {
        layers.add(layer);
        return layer.output();
    }

    /**
     * Finds each conv whose channels stay private through BN, σ and at most one depthwise conv, and
     * the op that mixes them. See {@link NeuronLayer}.
     */
    private static List<NeuronLayer> neuronLayers(List<Block> blocks, List<Layer> layers, List<Boolean> residual) {
        List<NeuronLayer> result = new ArrayList<>();
        for (int i = 0; i < blocks.size() - 2; i++) {
            Block block = blocks.get(i);
            int index = i;
            List<Layer> own = layers.stream().filter(l -> l.block() == index).toList();
            if (block instanceof Conv c) {
                producer(blocks, layers, residual, i, own.get(0), c.cap()).ifPresent(result::add);
            } else if (block instanceof DepthwiseSeparable d) {
                producer(blocks, layers, residual, i, own.get(1), d.cap()).ifPresent(result::add);
            } else if (block instanceof InvertedResidual r && r.expands() && !r.activation().isLinear()) {
                result.add(new NeuronLayer(own.get(0), Optional.of(own.get(1)), own.get(2), r.cap()));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** The neuron layer of a Conv or DS block, which feeds the next block (or the pool). */
    private static Optional<NeuronLayer> producer(List<Block> blocks, List<Layer> layers, List<Boolean> residual,
                                                  int i, Layer conv, int cap) {
        if (conv.activation().isLinear()) {
            return Optional.empty();
        }
        int next = i + 1;
        if (residual.get(next)) {
            return Optional.empty();
        }
        List<Layer> nextLayers = layers.stream().filter(l -> l.block() == next).toList();
        Block nb = blocks.get(next);
        if (nb instanceof GlobalPool) {
            Layer fc = layers.stream().filter(l -> l.block() == next + 1).findFirst().orElseThrow();
            return Optional.of(new NeuronLayer(conv, Optional.empty(), fc, cap));
        }
        Layer first = nextLayers.get(0);
        if (first.op() == Op.DEPTHWISE) {
            return Optional.of(new NeuronLayer(conv, Optional.of(first), nextLayers.get(1), cap));
        }
        return Optional.of(new NeuronLayer(conv, Optional.empty(), first, cap));
    }
}
