package dev.mitosis.model;

import dev.mitosis.net.NetworkSpec;
import dev.mitosis.weights.Initializer;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.WeightLayout;
import dev.mitosis.weights.Weights;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weights of an edited network. An edit (a width, a kernel, an inserted or removed block) gives a
 * new spec and, for each of its blocks, the index of the block of the base it came from ({@code -1}
 * for an inserted block). Every tensor of the base whose block still exists, possibly at a new index,
 * and whose shape still fits is kept under its new name; the rest are drawn afresh by
 * {@link Initializer#adapt}. Tensors are matched by (origin block, layer part, role) of their
 * {@link WeightLayout} entries, never by parsing names.
 */
public final class EditedWeights {

    private EditedWeights() {
    }

    /** Weights for {@code edited}: the base's tensors that still fit, under their new names, and fresh ones. */
    public static Model materialize(Model base, NetworkSpec edited, List<Integer> origins, long seed) {
        Map<String, Tensor> kept = new LinkedHashMap<>();
        Map<Slot, WeightLayout.Entry> baseEntries = slots(base.spec());
        for (WeightLayout.Entry e : WeightLayout.of(edited)) {
            origin(e, origins).map(baseEntries::get).ifPresent(b -> kept.put(e.name(), base.weights().get(b.name())));
        }
        Initializer.Adapted adapted = Initializer.adapt(edited, new Weights(kept), seed);
        return new Model(edited, adapted.weights());
    }

    /**
     * The layers (state_dict prefixes such as {@code blocks.4.dw}) of {@code edited} whose weights
     * cannot come from {@code base}: new blocks, and layers whose tensor shapes changed. In layer order.
     * Needs only the specs, so the explorer can say what an edit re-initialises without any weights.
     */
    public static List<String> redrawnLayers(NetworkSpec base, NetworkSpec edited, List<Integer> origins) {
        Map<Slot, WeightLayout.Entry> baseEntries = slots(base);
        LinkedHashSet<String> layers = new LinkedHashSet<>();
        for (WeightLayout.Entry e : WeightLayout.of(edited)) {
            long[] shape = origin(e, origins).map(baseEntries::get).map(WeightLayout.Entry::shape).orElse(null);
            if (shape == null || !Arrays.equals(shape, e.shape())) {
                layers.add(e.layer().name());
            }
        }
        return List.copyOf(layers);
    }

    /** Where a tensor sits in a network, independent of its block's index. */
    private record Slot(int block, String part, WeightLayout.Role role) {
    }

    private static Map<Slot, WeightLayout.Entry> slots(NetworkSpec spec) {
        Map<Slot, WeightLayout.Entry> out = new HashMap<>();
        for (WeightLayout.Entry e : WeightLayout.of(spec)) {
            out.put(new Slot(e.layer().block(), e.layer().part(), e.role()), e);
        }
        return out;
    }

    /** The slot in the base that a tensor of the edited spec comes from; empty for an inserted block. */
    private static Optional<Slot> origin(WeightLayout.Entry e, List<Integer> origins) {
        int block = e.layer().block();
        int origin = block < origins.size() ? origins.get(block) : -1;
        return origin < 0 ? Optional.empty() : Optional.of(new Slot(origin, e.layer().part(), e.role()));
    }
}
