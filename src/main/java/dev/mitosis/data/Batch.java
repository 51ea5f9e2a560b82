package dev.mitosis.data;

import dev.mitosis.net.FeatureShape;

/**
 * One mini-batch, ready to become tensors: {@code images} holds {@code size()} normalised images laid
 * out N×C×H×W (the PyTorch order), {@code labels[i]} and {@code indices[i]} are image {@code i}'s class
 * and its index in the source {@link Dataset}. Each batch gets fresh arrays that belong to the receiver,
 * so a batch may be handed to another thread or kept while the next one is made.
 */
public record Batch(float[] images, int[] labels, int[] indices, FeatureShape shape) {

    public Batch {
        if (labels.length != indices.length || images.length != labels.length * shape.size()) {
            throw new IllegalArgumentException("batch of " + labels.length + " labels, " + indices.length
                    + " indices and " + images.length + " values does not fit images of " + shape);
        }
    }

    public int size() {
        return labels.length;
    }

    /** {@code {N, C, H, W}}, the shape of {@link #images} as a tensor. */
    public long[] tensorShape() {
        return new long[] {size(), shape.channels(), shape.height(), shape.width()};
    }
}
