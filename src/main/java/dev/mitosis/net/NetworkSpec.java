package dev.mitosis.net;

import dev.mitosis.net.Block.Conv;
import dev.mitosis.net.Block.DepthwiseSeparable;
import dev.mitosis.net.Block.InvertedResidual;
import java.util.ArrayList;
import java.util.List;

/**
 * The immutable description of a network: input shape, number of classes and blocks. Holds no
 * parameters. Construction validates the whole network (shape inference included), so a spec that
 * exists is a spec that can be built. {@code with…} methods return validated copies.
 *
 * <p>On disk this is model.json, schema version {@link #SCHEMA_VERSION}; see {@link SpecCodec}.
 */
public record NetworkSpec(String name, FeatureShape input, int classes, List<Block> blocks) {

    public static final int SCHEMA_VERSION = 1;

    public NetworkSpec {
        if (name == null || name.isBlank()) {
            throw new InvalidSpecException("the network needs a name");
        }
        blocks = List.copyOf(blocks);
        Topology.infer(input, classes, blocks);
    }

    /** Layers, shapes and totals. Recomputed on each call: it is cheap and keeps the record plain. */
    public Topology topology() {
        return Topology.infer(input, classes, blocks);
    }

    public long macs() {
        return topology().macs();
    }

    public long params() {
        return topology().params();
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, input, classes, blocks);
    }

    public NetworkSpec withBlock(int index, Block block) {
        List<Block> copy = new ArrayList<>(blocks);
        copy.set(index, block);
        return new NetworkSpec(name, input, classes, copy);
    }

    public NetworkSpec withInsertedBlock(int index, Block block) {
        List<Block> copy = new ArrayList<>(blocks);
        copy.add(index, block);
        return new NetworkSpec(name, input, classes, copy);
    }

    public NetworkSpec withoutBlock(int index) {
        List<Block> copy = new ArrayList<>(blocks);
        copy.remove(index);
        return new NetworkSpec(name, input, classes, copy);
    }

    /**
     * The width of a block's splittable layer: out channels of a conv or depthwise-separable block, the
     * hidden (expanded) width of an inverted residual.
     */
    public static int width(Block block) {
        if (block instanceof Conv c) {
            return c.out();
        } else if (block instanceof DepthwiseSeparable d) {
            return d.out();
        } else if (block instanceof InvertedResidual r) {
            return r.expands() ? r.hidden() : r.out();
        }
        throw new IllegalArgumentException(block.kind() + " block has no width");
    }

    /** Copy with the width of block {@code index}'s splittable layer set (see {@link #width}). */
    public NetworkSpec withWidth(int index, int width) {
        Block b = blocks.get(index);
        Block changed;
        if (b instanceof Conv c) {
            changed = c.withOut(width);
        } else if (b instanceof DepthwiseSeparable d) {
            changed = d.withOut(width);
        } else if (b instanceof InvertedResidual r && r.expands()) {
            changed = r.withHidden(width);
        } else {
            throw new InvalidSpecException("block " + index + " (" + b.kind() + ") has no splittable width");
        }
        return withBlock(index, changed);
    }
}
