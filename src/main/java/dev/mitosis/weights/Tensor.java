package dev.mitosis.weights;

import java.util.Arrays;

/**
 * A host-side tensor: dtype, shape and row-major values. Values are held as doubles, each exactly
 * representable in {@code dtype} (F32 values are rounded on construction; I64 values must stay within
 * ±2^53, which holds for the only integer tensor, BN's num_batches_tracked). This keeps surgery and
 * the codecs free of per-dtype code while save → load stays bit-exact.
 *
 * <p>Immutable: the array is copied in and {@link #values()} returns a copy; use {@link #get} for reads.
 */
public final class Tensor {

    private final DType dtype;
    private final long[] shape;
    private final double[] values;

    public Tensor(DType dtype, long[] shape, double[] values) {
        this(dtype, shape.clone(), values.clone(), true);
    }

    private Tensor(DType dtype, long[] shape, double[] values, boolean round) {
        long n = numel(shape);
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, found "
                    + values.length);
        }
        if (round && dtype == DType.F32) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) values[i];
            }
        }
        this.dtype = dtype;
        this.shape = shape;
        this.values = values;
    }

    /** Wraps an array the caller gives up; no copy. For codecs and surgery that build fresh arrays. */
    public static Tensor wrap(DType dtype, long[] shape, double[] values) {
        return new Tensor(dtype, shape.clone(), values, true);
    }

    public static Tensor ofFloats(long[] shape, float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return new Tensor(DType.F32, shape.clone(), d, false);
    }

    public static Tensor scalar(DType dtype, double value) {
        return wrap(dtype, new long[0], new double[] {value});
    }

    public static Tensor filled(DType dtype, long[] shape, double value) {
        double[] d = new double[Math.toIntExact(numel(shape))];
        Arrays.fill(d, value);
        return wrap(dtype, shape, d);
    }

    public static long numel(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return Math.toIntExact(shape[axis]);
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return values.length;
    }

    public double get(int flatIndex) {
        return values[flatIndex];
    }

    public double[] values() {
        return values.clone();
    }

    public float[] toFloats() {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    /** Same values in another float dtype (F32 ↔ F64). */
    public Tensor cast(DType to) {
        return to == dtype ? this : new Tensor(to, shape, values, true);
    }

    public boolean sameShape(long[] other) {
        return Arrays.equals(shape, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.dtype == dtype && Arrays.equals(t.shape, shape)
                && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
