package dev.mitosis.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shape of one sample's feature map, channels first as in PyTorch: (C, H, W). */
public record FeatureShape(int channels, int height, int width) {

    private static final Pattern HWC = Pattern.compile("(\\d+)x(\\d+)x(\\d+)");

    public FeatureShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("feature shape must be positive, found " + channels + "x"
                    + height + "x" + width + " (CxHxW)");
        }
    }

    /** Parses the command-line notation HxWxC, e.g. {@code 28x28x1} or {@code 224x224x3}. */
    public static FeatureShape parse(String hwc) {
        Matcher m = HWC.matcher(hwc.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("input shape '" + hwc + "' is not HxWxC, e.g. 32x32x3");
        }
        return new FeatureShape(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)));
    }

    public long pixels() {
        return (long) height * width;
    }

    public long size() {
        return pixels() * channels;
    }

    /** HxWxC, the notation of {@link #parse}. */
    public String toHwc() {
        return height + "x" + width + "x" + channels;
    }

    /** CxHxW, the order of tensor shapes. */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
