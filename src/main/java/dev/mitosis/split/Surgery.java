package dev.mitosis.split;

import dev.mitosis.model.Model;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.Weights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies splits to a model and returns the grown model; never mutates its input (docs/algorithms.md §4).
 *
 * <p>For a neuron j split into offspring (θ + δ_i, w_i): row j becomes θ + δ_1 and the other offspring
 * are appended after all existing channels (indices of old neurons never move), in the order of the
 * splits; the layer's BN entries are copied. Along the private path a depthwise filter and its BN are
 * duplicated (not scaled). At the consumer (the op that mixes channels) input column j is scaled by w_1
 * and each appended column is the original column j times w_i. So at δ = 0 the network computes the
 * same function.
 *
 * <p>Residual streams are never split: {@link dev.mitosis.net.Topology} only offers layers whose channels
 * stay inside their block or feed a non-residual block, so shortcuts keep their shapes.
 */
public final class Surgery {

    private Surgery() {
    }

    /**
     * Splits per layer key (the neuron layer's op name, e.g. "blocks.3.pw"). When a layer and its
     * consumer are both split, the consumer's offspring rows are formed first in the old input space and
     * its columns are split afterwards, so each split acts as if it were alone (their loss effects add).
     */
    public static Model apply(Model model, Map<String, List<NeuronSplit>> splits) {
        NetworkSpec spec = model.spec();
        Map<String, Tensor> tensors = new LinkedHashMap<>(model.weights().asMap());
        Map<NeuronLayer, Layout> layouts = new LinkedHashMap<>();
        for (Map.Entry<String, List<NeuronSplit>> e : splits.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            NeuronLayer layer = spec.topology().neuronLayer(e.getKey()).orElseThrow(() ->
                    new IllegalArgumentException("no splittable layer " + e.getKey() + " in " + spec.name()));
            List<NeuronSplit> ordered = new ArrayList<>(e.getValue());
            ordered.sort(Comparator.comparingInt(NeuronSplit::neuron));
            checkDistinct(layer, ordered);
            layouts.put(layer, Layout.of(layer, ordered));
        }
        layouts.forEach((layer, layout) -> splitRows(layer, layout, tensors));
        layouts.forEach((layer, layout) -> splitColumns(layer, layout, tensors));
        NetworkSpec grown = spec;
        for (Map.Entry<NeuronLayer, Layout> e : layouts.entrySet()) {
            int block = e.getKey().block();
            grown = grown.withWidth(block, NetworkSpec.width(grown.blocks().get(block)) + e.getValue().from().length);
        }
        return new Model(grown, new Weights(tensors));
    }

    /**
     * One layer's splits, flattened: the first offspring edits row {@code rows[s]} in place, the others
     * are appended copies of row {@code from[a]}.
     */
    private record Layout(int[] rows, double[][] firstOffsets, double[] firstWeights, int[] from,
                          double[][] appendOffsets, double[] appendWeights) {

        static Layout of(NeuronLayer layer, List<NeuronSplit> splits) {
            int n = splits.size();
            int[] rows = new int[n];
            double[][] firstOffsets = new double[n][];
            double[] firstWeights = new double[n];
            List<Integer> from = new ArrayList<>();
            List<double[]> appendOffsets = new ArrayList<>();
            List<Double> appendWeights = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                NeuronSplit split = splits.get(s);
                if (split.offsets()[0].length != layer.fanIn()) {
                    throw new IllegalArgumentException(layer.key() + ": split offsets have length "
                            + split.offsets()[0].length + ", the layer's neurons have " + layer.fanIn() + " weights");
                }
                rows[s] = split.neuron();
                firstOffsets[s] = split.offsets()[0];
                firstWeights[s] = split.weights()[0];
                for (int i = 1; i < split.offspring(); i++) {
                    from.add(split.neuron());
                    appendOffsets.add(split.offsets()[i]);
                    appendWeights.add(split.weights()[i]);
                }
            }
            return new Layout(rows, firstOffsets, firstWeights, from.stream().mapToInt(Integer::intValue).toArray(),
                    appendOffsets.toArray(double[][]::new),
                    appendWeights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Offspring rows of the conv, copies of its BN and of the depthwise stage on the private path. */
    private static void splitRows(NeuronLayer layer, Layout l, Map<String, Tensor> tensors) {
        Layer conv = layer.conv();
        tensors.put(conv.weightKey(), ChannelEdits.editRows(tensors.get(conv.weightKey()), l.rows(),
                l.firstOffsets(), l.from(), l.appendOffsets()));
        copyBatchNorm(conv, l.from(), tensors);
        layer.depthwise().ifPresent(dw -> {
            tensors.put(dw.weightKey(), ChannelEdits.copyRows(tensors.get(dw.weightKey()), l.from()));
            copyBatchNorm(dw, l.from(), tensors);
        });
    }

    /** The consumer's input columns: scaled by the offspring output weights. */
    private static void splitColumns(NeuronLayer layer, Layout l, Map<String, Tensor> tensors) {
        Layer consumer = layer.consumer();
        tensors.put(consumer.weightKey(), ChannelEdits.editColumns(tensors.get(consumer.weightKey()), l.rows(),
                l.firstWeights(), l.from(), l.appendWeights()));
    }

    private static void copyBatchNorm(Layer layer, int[] from, Map<String, Tensor> tensors) {
        String bn = layer.batchNormPrefix();
        for (String part : List.of(".weight", ".bias", ".running_mean", ".running_var")) {
            tensors.put(bn + part, ChannelEdits.copyRows(tensors.get(bn + part), from));
        }
    }

    private static void checkDistinct(NeuronLayer layer, List<NeuronSplit> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            int j = ordered.get(i).neuron();
            if (j < 0 || j >= layer.width()) {
                throw new IllegalArgumentException(layer.key() + ": neuron " + j + " is outside 0.." + (layer.width() - 1));
            }
            if (i > 0 && ordered.get(i - 1).neuron() == j) {
                throw new IllegalArgumentException(layer.key() + ": neuron " + j + " is split twice in one round");
            }
        }
    }
}
