package dev.mitosis.app.workspace;

import dev.mitosis.net.Block;
import dev.mitosis.net.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One state of an edit history: a spec and, for each of its blocks, the index of the block of the
 * draft's base it came from ({@code -1} for a block the user inserted). The origins let the weights of
 * blocks that only moved (after an insert or removal above them) be kept under their new names.
 *
 * <p>Every {@code with…} method validates through {@link NetworkSpec} and throws
 * {@link dev.mitosis.net.InvalidSpecException} or {@link IllegalArgumentException} with a one-line
 * message when the edit is not a valid network; the state it was called on is unchanged.
 */
public record SpecState(NetworkSpec spec, List<Integer> origins, String description) {

    public SpecState {
        origins = List.copyOf(origins);
        if (origins.size() != spec.blocks().size()) {
            throw new IllegalArgumentException("origins " + origins.size() + " for " + spec.blocks().size() + " blocks");
        }
    }

    /** The unedited state of a base spec: every block is its own origin. */
    public static SpecState of(NetworkSpec spec) {
        return new SpecState(spec, IntStream.range(0, spec.blocks().size()).boxed().toList(), "open " + spec.name());
    }

    public SpecState withBlock(int index, Block block, String what) {
        return new SpecState(spec.withBlock(index, block), origins, what);
    }

    public SpecState withInsertedBlock(int index, Block block, String what) {
        List<Integer> o = new ArrayList<>(origins);
        o.add(index, -1);
        return new SpecState(spec.withInsertedBlock(index, block), o, what);
    }

    public SpecState withoutBlock(int index, String what) {
        List<Integer> o = new ArrayList<>(origins);
        o.remove(index);
        return new SpecState(spec.withoutBlock(index), o, what);
    }
}
