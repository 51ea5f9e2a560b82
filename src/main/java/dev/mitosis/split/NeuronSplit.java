package dev.mitosis.split;

import java.util.Arrays;

/**
 * How one neuron becomes m offspring: offspring i has weights θ + offsets[i] and takes weights[i] of the
 * neuron's output (the consumer's input column is scaled by it). Function-preserving at zero offsets
 * needs Σ weights = 1. A positive split is offsets (+εv, −εv), weights (½, ½).
 *
 * @param neuron index of the neuron in its layer
 * @param offsets m rows of length D (the neuron's fan-in)
 * @param weights m output weights
 */
public record NeuronSplit(int neuron, double[][] offsets, double[] weights) {

    public NeuronSplit {
        if (offsets.length < 2 || offsets.length != weights.length) {
            throw new IllegalArgumentException("a split needs at least two offspring with one weight each, found "
                    + offsets.length + " offsets and " + weights.length + " weights");
        }
        double sum = Arrays.stream(weights).sum();
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("offspring output weights must sum to 1, found " + sum);
        }
        offsets = Arrays.stream(offsets).map(double[]::clone).toArray(double[][]::new);
        weights = weights.clone();
    }

    /** The S2D split: θ ± ε·v with output weights ½, ½. */
    public static NeuronSplit symmetric(int neuron, double[] direction, double epsilon) {
        double[] plus = new double[direction.length];
        double[] minus = new double[direction.length];
        for (int i = 0; i < direction.length; i++) {
            plus[i] = epsilon * direction[i];
            minus[i] = -epsilon * direction[i];
        }
        return new NeuronSplit(neuron, new double[][] {plus, minus}, new double[] {0.5, 0.5});
    }

    public int offspring() {
        return weights.length;
    }

    /** Neurons this split adds to its layer. */
    public int added() {
        return weights.length - 1;
    }
}
