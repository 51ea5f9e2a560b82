package dev.mitosis.weights;

import dev.mitosis.net.NetworkSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fresh weights for a spec, deterministic in {@code seed} and independent of the device: the values are
 * drawn on the host. As torchvision's MobileNets: convs Kaiming-normal with fan_out (std =
 * sqrt(2 / (C_out·k·k / groups·groups)) = sqrt(2 / (C_out·k²)) for PyTorch's fan_out of a conv weight),
 * BN γ = 1, β = 0, running mean 0 and variance 1; classifier N(0, 0.01²), bias 0.
 */
public final class Initializer {

    private Initializer() {
    }

    public static Weights initialize(NetworkSpec spec, long seed) {
        return initialize(spec, seed, DType.F32);
    }

    public static Weights initialize(NetworkSpec spec, long seed, DType dtype) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (WeightLayout.Entry e : WeightLayout.of(spec)) {
            map.put(e.name(), fresh(e, random, dtype));
        }
        return new Weights(map);
    }

    /** A freshly initialised tensor for one entry of {@link WeightLayout}. */
    static Tensor fresh(WeightLayout.Entry e, SplittableRandom random, DType dtype) {
        long[] shape = e.shape();
        switch (e.role()) {
            case BN_BATCHES:
                return Tensor.scalar(DType.I64, 0);
            case BN_SCALE, BN_VARIANCE:
                return Tensor.filled(dtype, shape, 1.0);
            case BIAS, BN_SHIFT, BN_MEAN:
                return Tensor.filled(dtype, shape, 0.0);
            case KERNEL:
                break;
        }
        double std;
        if (shape.length == 2) {
            std = 0.01;
        } else {
            long fanOut = shape[0] * shape[2] * shape[3];
            std = Math.sqrt(2.0 / fanOut);
        }
        double[] v = new double[Math.toIntExact(Tensor.numel(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = std * random.nextGaussian();
        }
        return Tensor.wrap(dtype, shape, v);
    }

    /**
     * Weights for {@code spec} that keep every tensor of {@code previous} whose name and shape still fit
     * and draw the rest afresh: what an edit in the GUI produces. Returns which tensors were redrawn.
     */
    public static Adapted adapt(NetworkSpec spec, Weights previous, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DType dtype = previous.floatType();
        Map<String, Tensor> map = new LinkedHashMap<>();
        java.util.List<String> redrawn = new java.util.ArrayList<>();
        for (WeightLayout.Entry e : WeightLayout.of(spec)) {
            Tensor old = previous.find(e.name()).filter(t -> t.sameShape(e.shape())).orElse(null);
            if (old != null) {
                map.put(e.name(), old);
            } else {
                map.put(e.name(), fresh(e, random, dtype));
                redrawn.add(e.name());
            }
        }
        return new Adapted(new Weights(map), java.util.List.copyOf(redrawn));
    }

    /** Result of {@link #adapt}: the weights and the names of tensors drawn afresh. */
    public record Adapted(Weights weights, java.util.List<String> redrawn) {
    }
}
