package dev.mitosis.data;

import dev.mitosis.net.FeatureShape;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable in-memory image-classification set: {@code size()} images of one {@link FeatureShape}
 * as uint8 pixels, each with a label in {@code 0..classes()-1}.
 *
 * <p>Pixels are one {@code byte[]} laid out N×C×H×W (image {@code i}, channel {@code c}, row {@code y},
 * column {@code x} at {@code ((i·C + c)·H + y)·W + x}), read as unsigned. One flat array keeps 60,000
 * Fashion-MNIST images in 47 MB and lets {@link Batches} copy them with plain loops. The arrays never
 * leave this class except through the package-private {@link #pixelArray()} and {@link #labelArray()},
 * which {@link Batches} and {@link Normalization} read and never write; public accessors return copies.
 * Immutable, hence safe to share between threads.
 */
public final class Dataset {

    private final String name;
    private final KnownDataset kind;
    private final FeatureShape shape;
    private final byte[] pixels;
    private final int[] labels;

    /** Adopts {@code pixels} and {@code labels} without copying; callers must not keep them. */
    Dataset(String name, KnownDataset kind, FeatureShape shape, byte[] pixels, int[] labels) {
        long expected = labels.length * shape.size();
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes, expected " + expected
                    + " for " + labels.length + " images of " + shape);
        }
        DataFiles.checkLabels(name, labels, kind.classes());
        this.name = name;
        this.kind = kind;
        this.shape = shape;
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * A dataset from copies of the given arrays, for callers outside the readers (tests, synthetic data).
     *
     * @param pixels uint8 pixels, N×C×H×W
     * @param labels one label per image, each in {@code 0..kind.classes()-1}
     */
    public static Dataset of(String name, KnownDataset kind, FeatureShape shape, byte[] pixels, int[] labels) {
        return new Dataset(name, kind, shape, pixels.clone(), labels.clone());
    }

    /** Where the data came from and which part, e.g. {@code /usr/share/datasets/fashion-mnist (train)}. */
    public String name() {
        return name;
    }

    public KnownDataset kind() {
        return kind;
    }

    public FeatureShape shape() {
        return shape;
    }

    public int classes() {
        return kind.classes();
    }

    public List<String> classNames() {
        return kind.classNames();
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    /** A copy of all labels, in image order. */
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of image {@code index}'s pixels, C×H×W. */
    public byte[] image(int index) {
        int length = imageLength();
        return Arrays.copyOfRange(pixels, index * length, (index + 1) * length);
    }

    /** Number of images of each class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The first {@code n} images, in order. */
    public Dataset first(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException(name + ": cannot take the first " + n + " of " + size() + " images");
        }
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return select(indices, name + " first " + n);
    }

    /**
     * The first {@code perClass} images of every class, in their original order: a deterministic,
     * class-balanced subset. It is how the bundled sample was cut from the full Fashion-MNIST.
     */
    public Dataset firstPerClass(int perClass) {
        int[] taken = new int[classes()];
        int[] indices = new int[perClass * classes()];
        int n = 0;
        for (int i = 0; i < size() && n < indices.length; i++) {
            if (taken[labels[i]] < perClass) {
                taken[labels[i]]++;
                indices[n++] = i;
            }
        }
        if (n < indices.length) {
            int scarce = Arrays.stream(taken).min().orElse(0);
            throw new IllegalArgumentException(name + ": some class has only " + scarce + " images, "
                    + perClass + " per class were asked for");
        }
        return select(indices, name + " first " + perClass + " per class");
    }

    /** The images at {@code indices}, in that order (repeats allowed). */
    public Dataset select(int[] indices, String subsetName) {
        int length = imageLength();
        byte[] subPixels = new byte[indices.length * length];
        int[] subLabels = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(pixels, indices[j] * length, subPixels, j * length, length);
            subLabels[j] = labels[indices[j]];
        }
        return new Dataset(subsetName, kind, shape, subPixels, subLabels);
    }

    /** Read-only view for batching: the caller must not write to it. */
    byte[] pixelArray() {
        return pixels;
    }

    /** Read-only view for batching: the caller must not write to it. */
    int[] labelArray() {
        return labels;
    }

    int imageLength() {
        return Math.toIntExact(shape.size());
    }

    @Override
    public String toString() {
        return name + ": " + size() + " " + kind.id() + " images of " + shape + ", " + classes() + " classes";
    }
}
