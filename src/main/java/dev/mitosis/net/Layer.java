package dev.mitosis.net;

/**
 * One weighted operation of a network, as derived from its blocks by {@link Topology}. Its
 * {@link #name} is the state_dict prefix {@code blocks.{block}.{part}}: the weight is
 * {@code name + ".weight"} and, for convolutions, the batch norm that follows lives under
 * {@code name + "_bn"}. This record is the one place that spells tensor names; nothing parses them.
 *
 * <p>MACs are counted the way the MobileNet papers count: multiply-adds of conv and linear layers only
 * (k·k·C_in/groups·C_out·H_out·W_out, or C_in·C_out). Params are trainable parameters: conv weights,
 * BN γ and β, linear weight and bias.
 */
public record Layer(int block, String part, Op op, FeatureShape input, FeatureShape output, int kernel,
                    int stride, Activation activation, long macs, long params) {

    public enum Op {
        /** Dense convolution (groups = 1), including 1×1 pointwise, expansion and projection convs. */
        CONV,
        /** Depthwise convolution (groups = channels). */
        DEPTHWISE,
        /** Fully connected classifier with bias, after the global pool. */
        LINEAR
    }

    /** The state_dict prefix, e.g. {@code blocks.3.pw}. */
    public String name() {
        return "blocks." + block + "." + part;
    }

    /** A compact label for axes: {@code 3.pw}. */
    public String shortName() {
        return block + "." + part;
    }

    /** {@link #shortName} of a layer known only by its {@link #name} (a stored layer key). */
    public static String shortName(String name) {
        return name.startsWith("blocks.") ? name.substring("blocks.".length()) : name;
    }

    public String weightKey() {
        return name() + ".weight";
    }

    /** State_dict prefix of the batch norm after this conv; none for the linear layer. */
    public String batchNormPrefix() {
        if (op == Op.LINEAR) {
            throw new IllegalStateException(name() + " has no batch norm");
        }
        return name() + "_bn";
    }

    public boolean hasBatchNorm() {
        return op != Op.LINEAR;
    }

    public int inChannels() {
        return input.channels();
    }

    public int outChannels() {
        return output.channels();
    }

    public int groups() {
        return op == Op.DEPTHWISE ? input.channels() : 1;
    }

    public int padding() {
        return kernel / 2;
    }

    /** Weight tensor shape as PyTorch stores it: (C_out, C_in/groups, k, k) or (C_out, C_in). */
    public long[] weightShape() {
        return switch (op) {
            case CONV -> new long[] {outChannels(), inChannels(), kernel, kernel};
            case DEPTHWISE -> new long[] {outChannels(), 1, kernel, kernel};
            case LINEAR -> new long[] {outChannels(), inChannels()};
        };
    }

    /** D, the length of one neuron's weight vector θ. */
    public int fanIn() {
        return (op == Op.DEPTHWISE ? 1 : inChannels()) * kernel * kernel;
    }
}
