package dev.mitosis.app.workspace;

import dev.mitosis.model.Model;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weights of an edited network: every tensor of the base whose block still exists (possibly at a
 * new index) and whose shape still fits is kept; the rest are drawn afresh by
 * {@link Initializer#adapt}. {@link #redrawnLayers} tells the same story from the specs alone, so the
 * UI can say which layers an edit re-initialises without touching any weights.
 */
public final class DraftWeights {

    /** Tensor names are {@code blocks.<index>.<rest>} (see {@link dev.mitosis.net.Layer}). */
    private static final Pattern BLOCK_TENSOR = Pattern.compile("blocks\\.(\\d+)\\.(.+)");

    private DraftWeights() {
    }

    /** Weights for {@code state}: the base's tensors renamed by the block origins, then adapted. */
    public static Model materialize(Model base, SpecState state, long seed) {
        Weights renamed = new Weights(rename(base.weights().asMap(), state.origins()));
        Initializer.Adapted adapted = Initializer.adapt(state.spec(), renamed, seed);
        return new Model(state.spec(), adapted.weights());
    }

    /**
     * The layers (state_dict prefixes such as {@code blocks.4.dw}) of {@code state} whose weights
     * cannot come from {@code base}: new blocks, and layers whose tensor shapes changed. In layer order.
     */
    public static List<String> redrawnLayers(NetworkSpec base, SpecState state) {
        Map<String, long[]> baseShapes = new HashMap<>();
        for (WeightLayout.Entry e : WeightLayout.of(base)) {
            baseShapes.put(e.name(), e.shape());
        }
        LinkedHashSet<String> layers = new LinkedHashSet<>();
        for (WeightLayout.Entry e : WeightLayout.of(state.spec())) {
            Optional<String> baseName = baseName(e.name(), state.origins());
            long[] shape = baseName.map(baseShapes::get).orElse(null);
            if (shape == null || !Arrays.equals(shape, e.shape())) {
                layers.add(layerOf(e.name()));
            }
        }
        return List.copyOf(layers);
    }

    /** The name a tensor of the edited spec had in the base, if its block came from the base. */
    private static Optional<String> baseName(String name, List<Integer> origins) {
        Matcher m = BLOCK_TENSOR.matcher(name);
        if (!m.matches()) {
            return Optional.of(name);
        }
        int index = Integer.parseInt(m.group(1));
        int origin = index < origins.size() ? origins.get(index) : -1;
        return origin < 0 ? Optional.empty() : Optional.of("blocks." + origin + "." + m.group(2));
    }

    /** Base tensors under their names in the edited spec; tensors of removed blocks are dropped. */
    static Map<String, Tensor> rename(Map<String, Tensor> base, List<Integer> origins) {
        Map<Integer, Integer> newIndexOf = new HashMap<>();
        for (int i = 0; i < origins.size(); i++) {
            if (origins.get(i) >= 0) {
                newIndexOf.put(origins.get(i), i);
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : base.entrySet()) {
            Matcher m = BLOCK_TENSOR.matcher(e.getKey());
            if (!m.matches()) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            Integer now = newIndexOf.get(Integer.parseInt(m.group(1)));
            if (now != null) {
                out.put("blocks." + now + "." + m.group(2), e.getValue());
            }
        }
        return out;
    }

    /** {@code blocks.4.dw_bn.running_mean} → {@code blocks.4.dw}; {@code blocks.15.fc.bias} → {@code blocks.15.fc}. */
    static String layerOf(String tensor) {
        int dot = tensor.lastIndexOf('.');
        String prefix = dot < 0 ? tensor : tensor.substring(0, dot);
        return prefix.endsWith("_bn") ? prefix.substring(0, prefix.length() - 3) : prefix;
    }
}
