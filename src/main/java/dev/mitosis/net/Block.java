package dev.mitosis.net;

/**
 * One block of a network. Blocks are immutable records that check their own fields; whether a block
 * fits its neighbours (shapes, order) is checked by {@link NetworkSpec}.
 *
 * <p>{@code cap} is the largest width growth may give a block's splittable layer ({@link #NO_CAP} for
 * none); it is part of the published splitting seeds.
 */
public sealed interface Block
        permits Block.Conv, Block.DepthwiseSeparable, Block.InvertedResidual, Block.GlobalPool,
                Block.Linear {

    int NO_CAP = Integer.MAX_VALUE;

    /** Kind name used in model.json and the GUI. */
    String kind();

    /**
     * Conv → BN → activation. The stem of both MobileNets and MobileNetV2's final 1×1 conv.
     * Shapes: (N, C_in, H, W) → (N, out, H/stride, W/stride).
     */
    record Conv(int out, int kernel, int stride, Activation activation, int cap) implements Block {
        public Conv {
            checkWidth("out", out);
            checkKernel(kernel);
            checkStride(stride);
            checkCap(cap, out);
        }

        public Conv(int out, int kernel, int stride, Activation activation) {
            this(out, kernel, stride, activation, NO_CAP);
        }

        @Override
        public String kind() {
            return "conv";
        }

        public Conv withOut(int newOut) {
            return new Conv(newOut, kernel, stride, activation, Math.max(cap, newOut));
        }
    }

    /**
     * MobileNetV1 block: depthwise k×k (stride) → BN → act → pointwise 1×1 → BN → act.
     * Shapes: (N, C_in, H, W) → (N, C_in, H/s, W/s) → (N, out, H/s, W/s).
     */
    record DepthwiseSeparable(int out, int kernel, int stride, Activation activation, int cap)
            implements Block {
        public DepthwiseSeparable {
            checkWidth("out", out);
            checkKernel(kernel);
            checkStride(stride);
            checkCap(cap, out);
        }

        public DepthwiseSeparable(int out, int stride, Activation activation) {
            this(out, 3, stride, activation, NO_CAP);
        }

        @Override
        public String kind() {
            return "dws";
        }

        public DepthwiseSeparable withOut(int newOut) {
            return new DepthwiseSeparable(newOut, kernel, stride, activation, Math.max(cap, newOut));
        }
    }

    /**
     * MobileNetV2 block: [expand 1×1 → BN → act] → depthwise k×k (stride) → BN → act → project 1×1 → BN,
     * plus the input when stride is 1 and C_in = out (the residual). {@code hidden} is the expanded
     * width; 0 means no expansion conv (expansion ratio 1: the depthwise conv works on the input).
     * Shapes: (N, C_in, H, W) → (N, hidden, H, W) → (N, hidden, H/s, W/s) → (N, out, H/s, W/s).
     */
    record InvertedResidual(int hidden, int out, int kernel, int stride, Activation activation, int cap)
            implements Block {
        public InvertedResidual {
            if (hidden < 0) {
                throw new IllegalArgumentException("hidden width must be positive (or 0 for no expansion),"
                        + " found " + hidden);
            }
            checkWidth("out", out);
            checkKernel(kernel);
            checkStride(stride);
            if (hidden > 0) {
                checkCap(cap, hidden);
            }
        }

        public boolean expands() {
            return hidden > 0;
        }

        @Override
        public String kind() {
            return "ir";
        }

        public InvertedResidual withHidden(int newHidden) {
            return new InvertedResidual(newHidden, out, kernel, stride, activation, Math.max(cap, newHidden));
        }
    }

    /** Global average pool: (N, C, H, W) → (N, C). */
    record GlobalPool() implements Block {
        @Override
        public String kind() {
            return "pool";
        }
    }

    /** The classifier: (N, C) → (N, classes), with bias. Always the last block. */
    record Linear() implements Block {
        @Override
        public String kind() {
            return "linear";
        }
    }

    private static void checkWidth(String field, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException(field + " width must be positive, found " + width);
        }
    }

    private static void checkKernel(int kernel) {
        if (kernel < 1 || kernel > 11 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel must be odd and between 1 and 11, found " + kernel);
        }
    }

    private static void checkStride(int stride) {
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException("stride must be 1 or 2, found " + stride);
        }
    }

    private static void checkCap(int cap, int width) {
        if (cap < width) {
            throw new IllegalArgumentException("cap " + cap + " is below the width " + width);
        }
    }
}
