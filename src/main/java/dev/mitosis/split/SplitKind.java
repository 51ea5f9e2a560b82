package dev.mitosis.split;

/**
 * The three splits Mitosis considers for a neuron (docs/algorithms.md §1, §5). Offspring i has weights
 * θ + ε·δ_i and output weight w_i; the loss changes by ½ε²·Q with Q = Σ w_i δ_iᵀ S δ_i.
 *
 * <p>Constraint set (signed splitting, our reading of S3D): Σ w_i = 1, Σ |w_i| ≤ c, ‖δ_i‖ ≤ 1 and
 * Σ w_i δ_i = 0 (no first-order term). c = 1 allows only positive weights. Within it:
 * <ul>
 *   <li>POSITIVE: w = (½, ½), δ = ±v_min; Q = λ_min (S2D's optimum for positive weights).
 *   <li>SIGNED_PAIR: w = ((1+c)/2, (1−c)/2), both offspring moved along v_max; the negative-weight one by
 *       the full unit step, the other by |w₂|/w₁; Q = −(c−1)/(c+1)·λ_max. It lowers the loss of a
 *       splitting-stable neuron (λ_min ≥ 0) as long as λ_max > 0.
 *   <li>SIGNED_TRIPLE: w = (p, p, −q) with q = (c−1)/2, p = (1+q)/2; the two positive offspring at
 *       ±x·v_min + y·v_max, the negative one at v_max, with y = q/(1+q), x = √(1 − y²);
 *       Q = (c+1)/2·λ_min + (λ_max − λ_min)(c−1)²/(2(c+1)) − (c−1)/2·λ_max. Q decreases monotonically in
 *       q, hence the boundary q. It beats POSITIVE whenever λ_max > λ_min and c > 1, and beats
 *       SIGNED_PAIR exactly when λ_min < 0 — which split is best depends on c and on both eigenvalues.
 * </ul>
 * These are closed forms of three families, checked against real splits by the second-order oracle;
 * they bound the unrestricted optimum from above, they do not claim to be it.
 */
public enum SplitKind {
    POSITIVE(1), SIGNED_PAIR(1), SIGNED_TRIPLE(2);

    private final int added;

    SplitKind(int added) {
        this.added = added;
    }

    /** Neurons the split adds to its layer. */
    public int added() {
        return added;
    }

    /** Q, the second-order coefficient: the loss changes by ½ε²·Q. */
    public double decrease(double lambdaMin, double lambdaMax, double c) {
        return switch (this) {
            case POSITIVE -> lambdaMin;
            case SIGNED_PAIR -> -(c - 1) / (c + 1) * lambdaMax;
            case SIGNED_TRIPLE -> (c + 1) / 2 * lambdaMin + (lambdaMax - lambdaMin) * (c - 1) * (c - 1) / (2 * (c + 1))
                    - (c - 1) / 2 * lambdaMax;
        };
    }

    /** The offspring of this split for a neuron with unit eigenvectors vMin, vMax. */
    public NeuronSplit offspring(int neuron, double[] vMin, double[] vMax, double epsilon, double c) {
        int d = vMin.length;
        switch (this) {
            case POSITIVE:
                return NeuronSplit.symmetric(neuron, vMin, epsilon);
            case SIGNED_PAIR: {
                double w1 = (1 + c) / 2;
                double w2 = (1 - c) / 2;
                double[] d1 = scaled(vMax, epsilon * Math.abs(w2) / w1);
                double[] d2 = scaled(vMax, epsilon);
                return new NeuronSplit(neuron, new double[][] {d1, d2}, new double[] {w1, w2});
            }
            default: {
                double q = (c - 1) / 2;
                double p = (1 + q) / 2;
                double y = q / (1 + q);
                double x = Math.sqrt(1 - y * y);
                double[] a = new double[d];
                double[] b = new double[d];
                for (int k = 0; k < d; k++) {
                    a[k] = epsilon * (x * vMin[k] + y * vMax[k]);
                    b[k] = epsilon * (-x * vMin[k] + y * vMax[k]);
                }
                return new NeuronSplit(neuron, new double[][] {a, b, scaled(vMax, epsilon)}, new double[] {p, p, -q});
            }
        }
    }

    private static double[] scaled(double[] v, double s) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = s * v[k];
        }
        return out;
    }
}
