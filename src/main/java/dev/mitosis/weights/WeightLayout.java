package dev.mitosis.weights;

import dev.mitosis.BadInputException;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NetworkSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tensors a network built from a spec has, named as the state_dict of the PyTorch module that
 * {@code mitosis export pytorch} writes (so {@code load_state_dict(strict=True)} accepts them):
 *
 * <pre>
 * blocks.{i}.{op}.weight                      conv (C_out, C_in/groups, k, k) or linear (C_out, C_in)
 * blocks.{i}.{op}_bn.weight | .bias           BN γ, β                          (C_out)
 * blocks.{i}.{op}_bn.running_mean | running_var                                (C_out)
 * blocks.{i}.{op}_bn.num_batches_tracked      int64 scalar
 * blocks.{i}.fc.bias                          classifier bias                  (classes)
 * </pre>
 * where {op} is conv (conv block), dw and pw (depthwise-separable), expand, dw and project (inverted
 * residual) or fc (classifier).
 */
public final class WeightLayout {

    /** One expected tensor. */
    public record Entry(String name, long[] shape, boolean integer) {
    }

    private WeightLayout() {
    }

    public static List<Entry> of(NetworkSpec spec) {
        List<Entry> entries = new ArrayList<>();
        for (Layer l : spec.topology().layers()) {
            entries.add(new Entry(l.weightKey(), l.weightShape(), false));
            long[] channels = {l.outChannels()};
            if (l.hasBatchNorm()) {
                String bn = l.batchNormPrefix();
                entries.add(new Entry(bn + ".weight", channels, false));
                entries.add(new Entry(bn + ".bias", channels, false));
                entries.add(new Entry(bn + ".running_mean", channels, false));
                entries.add(new Entry(bn + ".running_var", channels, false));
                entries.add(new Entry(bn + ".num_batches_tracked", new long[0], true));
            } else {
                entries.add(new Entry(l.name() + ".bias", channels, false));
            }
        }
        return entries;
    }

    /**
     * Checks every tensor's name, shape and dtype against the spec. {@code source} names the weights
     * file in the message, e.g. "m/weights.safetensors: tensor blocks.3.pw.weight: expected shape
     * [16, 8, 1, 1], found [16, 9, 1, 1]".
     */
    public static void check(NetworkSpec spec, Weights weights, String source) {
        List<Entry> expected = of(spec);
        DType floatType = weights.floatType();
        Set<String> names = new HashSet<>();
        for (Entry e : expected) {
            names.add(e.name());
            Tensor t = weights.find(e.name()).orElseThrow(() -> new BadInputException(
                    source + ": missing tensor " + e.name() + " (expected shape " + Arrays.toString(e.shape()) + ")"));
            if (!t.sameShape(e.shape())) {
                throw new BadInputException(source + ": tensor " + e.name() + ": expected shape "
                        + Arrays.toString(e.shape()) + ", found " + Arrays.toString(t.shape()));
            }
            DType want = e.integer() ? DType.I64 : floatType;
            if (t.dtype() != want) {
                throw new BadInputException(source + ": tensor " + e.name() + ": expected dtype " + want
                        + ", found " + t.dtype());
            }
        }
        for (String n : weights.names()) {
            if (!names.contains(n)) {
                throw new BadInputException(source + ": unexpected tensor " + n + " (not part of " + spec.name()
                        + ")");
            }
        }
    }

    /** Reorders {@code weights} into layout order (after {@link #check}). */
    public static Weights ordered(NetworkSpec spec, Weights weights) {
        java.util.LinkedHashMap<String, Tensor> map = new java.util.LinkedHashMap<>();
        for (Entry e : of(spec)) {
            map.put(e.name(), weights.get(e.name()));
        }
        return new Weights(map);
    }
}
