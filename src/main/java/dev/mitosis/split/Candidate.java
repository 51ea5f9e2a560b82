package dev.mitosis.split;

/**
 * One neuron's best split: which kind, its second-order coefficient Q (the loss changes by ½ε²Q, so
 * negative is good), how many neurons it adds and what they cost under the cost model.
 *
 * @param layer index of the splittable layer in topology order
 * @param lambdaMax NaN when λ_max was not estimated
 */
public record Candidate(int layer, String key, int neuron, SplitKind kind, double q, double lambdaMin,
                        double lambdaMax, double unitCost) {

    public int added() {
        return kind.added();
    }

    /** Cost of all the neurons this split adds. */
    public double cost() {
        return unitCost * kind.added();
    }
}
