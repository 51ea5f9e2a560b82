package dev.mitosis.app.graph;

import dev.mitosis.text.Formats;
import dev.mitosis.net.Block;
import dev.mitosis.net.Block.Conv;
import dev.mitosis.net.Block.DepthwiseSeparable;
import dev.mitosis.net.Block.GlobalPool;
import dev.mitosis.net.Block.InvertedResidual;
import dev.mitosis.net.Block.Linear;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.net.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the layer graph draws, derived from a spec (pure, immutable): one node for the input and one per
 * block, with the text, the block's share of the network's MACs and how many of its neurons were split
 * in the round shown; and the graph structure to lay out (a chain plus a skip edge around every
 * residual block).
 */
public record GraphModel(NetworkSpec spec, List<NodeInfo> nodes, GraphLayout.Structure structure, int maxSplit) {

    public GraphModel {
        nodes = List.copyOf(nodes);
    }

    /**
     * One node.
     *
     * @param block block index, or −1 for the input node
     * @param macShare the block's MACs over the network's, in [0, 1]
     * @param split neurons split in this block in the round shown
     */
    public record NodeInfo(int block, String kind, String title, String detail, String activation, long macs,
                           long params, double macShare, int split, boolean residual, boolean splittable,
                           String tooltip) {
    }

    /** @param splitCounts neurons split per layer key in the round shown (may be empty) */
    public static GraphModel of(NetworkSpec spec, Map<String, Integer> splitCounts) {
        Topology t = spec.topology();
        List<NodeInfo> nodes = new ArrayList<>();
        FeatureShape in = spec.input();
        nodes.add(new NodeInfo(-1, "input", "input", in.toString() + "  (C×H×W)", "", 0, 0, 0, 0, false, false,
                "Input images: " + in.channels() + " channel(s), " + in.height() + "×" + in.width() + " pixels; "
                        + spec.classes() + " classes"));
        int maxSplit = 0;
        List<GraphLayout.Link> links = new ArrayList<>();
        for (int i = 0; i < spec.blocks().size(); i++) {
            Block b = spec.blocks().get(i);
            int index = i;
            List<Layer> layers = t.layersOfBlock(i);
            long macs = layers.stream().mapToLong(Layer::macs).sum();
            long params = layers.stream().mapToLong(Layer::params).sum();
            List<NeuronLayer> neurons = t.neuronLayers().stream().filter(n -> n.block() == index).toList();
            int split = neurons.stream().mapToInt(n -> splitCounts.getOrDefault(n.key(), 0)).sum();
            maxSplit = Math.max(maxSplit, split);
            boolean residual = t.residual().get(i);
            double share = t.macs() == 0 ? 0 : (double) macs / t.macs();
            FeatureShape out = t.blockOutputs().get(i);
            nodes.add(new NodeInfo(i, b.kind(), title(b), detail(b, out, spec.classes()), activation(b), macs, params,
                    share, split, residual, !neurons.isEmpty(),
                    tooltip(i, b, out, macs, share, params, neurons, split, residual)));
            links.add(new GraphLayout.Link(i, i + 1, false));
            if (residual) {
                // The block adds its input (the previous node's output) to its output: draw the input
                // passing around it into the next block.
                links.add(new GraphLayout.Link(i, Math.min(i + 2, spec.blocks().size()), true));
            }
        }
        return new GraphModel(spec, nodes, new GraphLayout.Structure(nodes.size(), links), maxSplit);
    }

    static String title(Block b) {
        String stride = "";
        String kernel = "";
        String name;
        if (b instanceof Conv c) {
            name = "conv";
            kernel = " " + c.kernel() + "×" + c.kernel();
            stride = c.stride() > 1 ? " /" + c.stride() : "";
        } else if (b instanceof DepthwiseSeparable d) {
            name = "dws";
            kernel = " " + d.kernel() + "×" + d.kernel();
            stride = d.stride() > 1 ? " /" + d.stride() : "";
        } else if (b instanceof InvertedResidual r) {
            name = "inv. residual";
            kernel = " " + r.kernel() + "×" + r.kernel();
            stride = r.stride() > 1 ? " /" + r.stride() : "";
        } else if (b instanceof GlobalPool) {
            name = "global avg pool";
        } else {
            name = "linear classifier";
        }
        return name + kernel + stride;
    }

    static String detail(Block b, FeatureShape out, int classes) {
        if (b instanceof Conv c) {
            return "width " + c.out() + " · out " + out;
        } else if (b instanceof DepthwiseSeparable d) {
            return "width " + d.out() + " · out " + out;
        } else if (b instanceof InvertedResidual r) {
            return (r.expands() ? "hidden " + r.hidden() + " · " : "no expansion · ") + "out " + out;
        } else if (b instanceof GlobalPool) {
            return "out " + out.channels();
        } else if (b instanceof Linear) {
            return classes + " classes";
        }
        return "";
    }

    static String activation(Block b) {
        if (b instanceof Conv c) {
            return c.activation().jsonName();
        } else if (b instanceof DepthwiseSeparable d) {
            return d.activation().jsonName();
        } else if (b instanceof InvertedResidual r) {
            return r.activation().jsonName();
        }
        return "";
    }

    private static String tooltip(int i, Block b, FeatureShape out, long macs, double share, long params,
                                  List<NeuronLayer> neurons, int split, boolean residual) {
        StringBuilder s = new StringBuilder();
        s.append("Block ").append(i).append(" (").append(b.kind()).append("): ").append(title(b)).append('\n');
        s.append("Output ").append(out).append(" (C×H×W)\n");
        s.append(String.format(Locale.ROOT, "MACs %s (%.1f %% of the network), params %s%n", Formats.count(macs),
                100 * share, Formats.count(params)));
        if (neurons.isEmpty()) {
            s.append("No splittable layer");
        } else {
            for (NeuronLayer n : neurons) {
                s.append("Splittable: ").append(n.key()).append(", ").append(n.width()).append(" neurons")
                        .append(n.cap() == Block.NO_CAP ? "" : ", cap " + n.cap()).append('\n');
            }
            s.append("Neurons split in the round shown: ").append(split);
        }
        if (residual) {
            s.append("\nResidual: adds its input to its output");
        }
        return s.toString();
    }
}
