package dev.mitosis.net;

import java.util.Optional;

/**
 * A layer whose output channels can be split: a conv followed by BN and a nonlinear activation, whose
 * channels are private until a later op mixes them. The <em>private path</em> of one channel is
 * BN → σ → [a depthwise conv → BN → σ] and ends at {@code consumer}, the op that mixes channels (where a
 * split halves the input columns). When the consumer is the classifier, a global average pool sits
 * between them.
 *
 * <p>Layers whose output enters a residual sum are not splittable: the residual ties the channel to
 * another block's channel, and Mitosis keeps the residual stream's width as the user set it.
 *
 * @param conv the conv whose output channels are the neurons (weight key {@code conv.weightKey()})
 * @param depthwise the per-channel depthwise conv on the path, with its own BN and activation
 * @param consumer the first channel-mixing op after the path
 * @param cap the largest width growth may give this layer
 */
public record NeuronLayer(Layer conv, Optional<Layer> depthwise, Layer consumer, int cap) {

    public String key() {
        return conv.name();
    }

    public String weightKey() {
        return conv.weightKey();
    }

    public int block() {
        return conv.block();
    }

    public int width() {
        return conv.outChannels();
    }

    /** D, the length of one neuron's weight vector. */
    public int fanIn() {
        return conv.fanIn();
    }

    /** How many neurons growth may still add: cap − width. */
    public int room() {
        return cap == Block.NO_CAP ? Integer.MAX_VALUE : cap - width();
    }
}
