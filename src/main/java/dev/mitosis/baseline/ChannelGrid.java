package dev.mitosis.baseline;

import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The widths AutoSlim chooses among: every splittable layer of the supernet (the layers splitting widens,
 * so both methods change the same widths) may take {@code groups} widths, 1/groups of its supernet width
 * and multiples of it, at least one channel (the published search removes one group of channels per
 * step). A configuration is one level per layer, 0 the narrowest; the supernet is the top level
 * everywhere. Immutable.
 */
public final class ChannelGrid {

    private final NetworkSpec supernet;
    private final List<NeuronLayer> layers;
    private final int[][] widths;

    private ChannelGrid(NetworkSpec supernet, int groups) {
        if (groups < 2) {
            throw new IllegalArgumentException("channel groups must be at least 2, found " + groups);
        }
        this.supernet = supernet;
        this.layers = supernet.topology().neuronLayers();
        this.widths = new int[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            int full = layers.get(l).width();
            TreeSet<Integer> ladder = new TreeSet<>();
            for (int g = 1; g <= groups; g++) {
                ladder.add(Math.max(1, (int) Math.round((double) full * g / groups)));
            }
            widths[l] = ladder.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public static ChannelGrid of(NetworkSpec supernet, int groups) {
        return new ChannelGrid(supernet, groups);
    }

    /** The seed with every splittable width times k (rounded up, so k ≥ 1 never narrows a layer). */
    public static NetworkSpec supernet(NetworkSpec seed, double k) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("supernet width must be positive, found " + k);
        }
        NetworkSpec out = seed;
        for (NeuronLayer layer : seed.topology().neuronLayers()) {
            out = out.withWidth(layer.block(), Math.max(1, (int) Math.ceil(layer.width() * k - 1e-9)));
        }
        return out.withName(seed.name() + "-supernet-x" + UniformBaseline.trim(k));
    }

    public NetworkSpec supernet() {
        return supernet;
    }

    /** Splittable layers, in network order. */
    public int layers() {
        return layers.size();
    }

    public String layerName(int layer) {
        return layers.get(layer).key();
    }

    public int[] largest() {
        int[] levels = new int[layers.size()];
        for (int l = 0; l < levels.length; l++) {
            levels[l] = widths[l].length - 1;
        }
        return levels;
    }

    public int[] smallest() {
        return new int[layers.size()];
    }

    /** Every layer its own uniformly drawn level: the non-uniform random configurations of the sandwich rule. */
    public int[] random(Random random) {
        int[] levels = new int[layers.size()];
        for (int l = 0; l < levels.length; l++) {
            levels[l] = random.nextInt(widths[l].length);
        }
        return levels;
    }

    /** Whether {@code levels} is a configuration of this grid: one level per layer, each in range. */
    public boolean contains(int[] levels) {
        if (levels == null || levels.length != widths.length) {
            return false;
        }
        for (int l = 0; l < levels.length; l++) {
            if (levels[l] < 0 || levels[l] >= widths[l].length) {
                return false;
            }
        }
        return true;
    }

    /** {@code levels} with layer l one group narrower, or null when it is at its narrowest. */
    public int[] shrunk(int[] levels, int layer) {
        if (levels[layer] == 0) {
            return null;
        }
        int[] out = levels.clone();
        out[layer]--;
        return out;
    }

    /** The channel count of every splittable layer at {@code levels}. */
    public int[] widths(int[] levels) {
        int[] out = new int[levels.length];
        for (int l = 0; l < levels.length; l++) {
            out[l] = widths[l][levels[l]];
        }
        return out;
    }

    /** The network at {@code levels}: the supernet's blocks with those widths. */
    public NetworkSpec spec(int[] levels) {
        if (levels.length != layers.size()) {
            throw new IllegalArgumentException("expected " + layers.size() + " levels, found " + levels.length);
        }
        NetworkSpec out = supernet;
        int[] w = widths(levels);
        for (int l = 0; l < w.length; l++) {
            if (w[l] != layers.get(l).width()) {
                out = out.withWidth(layers.get(l).block(), w[l]);
            }
        }
        return out.withName("autoslim");
    }

    public long macs(int[] levels) {
        return spec(levels).macs();
    }
}
