package dev.mitosis.weights;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tensors a network built from a spec has, named as the state_dict keys of the equivalent PyTorch
 * module (conv, then BatchNorm2d under {@code _bn}; linear with bias), so that a PyTorch user can load
 * them with {@code load_state_dict(strict=True)} (see docs/formats.md):
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

    /** What a tensor is for: how it is initialised, trained and decayed follows from this, not from its name. */
    public enum Role {
        /** Conv kernel or linear weight: trained, weight-decayed, Kaiming- or N(0, 0.01²)-initialised. */
        KERNEL(".weight"),
        /** Classifier bias: trained, not decayed, zero at start. */
        BIAS(".bias"),
        /** BN γ: trained, not decayed, one at start. */
        BN_SCALE("_bn.weight"),
        /** BN β: trained, not decayed, zero at start. */
        BN_SHIFT("_bn.bias"),
        /** BN running mean: a statistic, updated in training mode, never by the optimizer. */
        BN_MEAN("_bn.running_mean"),
        /** BN running variance: as the mean. */
        BN_VARIANCE("_bn.running_var"),
        /** PyTorch's int64 step counter of the BN layer; kept for strict loading, unused otherwise. */
        BN_BATCHES("_bn.num_batches_tracked");

        private final String suffix;

        Role(String suffix) {
            this.suffix = suffix;
        }

        /** The tensor's name: the layer's state_dict prefix and this role's suffix. */
        public String tensorName(Layer layer) {
            return layer.name() + suffix;
        }

        public boolean trainable() {
            return this == KERNEL || this == BIAS || this == BN_SCALE || this == BN_SHIFT;
        }

        /** Weight decay applies to kernels only, as in the published recipes (not to BN or biases). */
        public boolean decayed() {
            return this == KERNEL;
        }

        public boolean integer() {
            return this == BN_BATCHES;
        }
    }

    /** One expected tensor: the layer it belongs to, its role there and its shape. */
    public record Entry(Layer layer, Role role, long[] shape) {

        public String name() {
            return role.tensorName(layer);
        }

        public boolean integer() {
            return role.integer();
        }
    }

    private WeightLayout() {
    }

    public static List<Entry> of(NetworkSpec spec) {
        return of(spec.topology());
    }

    /** The same from a topology already inferred. */
    public static List<Entry> of(Topology topology) {
        List<Entry> entries = new ArrayList<>();
        for (Layer l : topology.layers()) {
            entries.add(new Entry(l, Role.KERNEL, l.weightShape()));
            long[] channels = {l.outChannels()};
            if (l.hasBatchNorm()) {
                for (Role r : List.of(Role.BN_SCALE, Role.BN_SHIFT, Role.BN_MEAN, Role.BN_VARIANCE)) {
                    entries.add(new Entry(l, r, channels));
                }
                entries.add(new Entry(l, Role.BN_BATCHES, new long[0]));
            } else {
                entries.add(new Entry(l, Role.BIAS, channels));
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
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (Entry e : of(spec)) {
            map.put(e.name(), weights.get(e.name()));
        }
        return new Weights(map);
    }
}
