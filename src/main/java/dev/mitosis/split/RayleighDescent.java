package dev.mitosis.split;

import java.util.SplittableRandom;

/**
 * The fast probe's per-layer state (docs/algorithms.md §2): one direction v per neuron, updated by RMSprop
 * on the Rayleigh quotient R(v) = vᵀSv / vᵀv, given S·v from a splitting pass.
 * <pre>
 *   ∇R = 2(Sv·‖v‖² − v·⟨v, Sv⟩) / ‖v‖⁴
 *   RMSprop (torch.optim.RMSprop, centred = false): s = α·s + (1 − α)·g²;  b = μ·b + g / (√s + eps);  v = v ∓ lr·b
 * </pre>
 * descent for λ_min, ascent for λ_max, v renormalised after each step. The estimates are the mean of R
 * and the (renormalised) mean of v over the steps marked for accumulation (the last pass). Pure Java.
 */
final class RayleighDescent {

    /** RMSprop settings; the published probe uses alpha 0.9, momentum 0.9, eps 1e-8. */
    record RmsProp(double alpha, double momentum, double eps) {
        static RmsProp published() {
            return new RmsProp(0.9, 0.9, 1e-8);
        }
    }

    private final int neurons;
    private final int d;
    private final double sign;
    private final RmsProp rms;
    private final double[] v;
    private final double[] square;
    private final double[] buffer;
    private final double[] quotientSum;
    private final double[] directionSum;
    private int accumulated;

    /** @param ascend true to find λ_max, false for λ_min */
    RayleighDescent(int neurons, int d, boolean ascend, RmsProp rms, SplittableRandom random) {
        this.neurons = neurons;
        this.d = d;
        this.sign = ascend ? -1 : 1;
        this.rms = rms;
        this.v = new double[neurons * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-0.1, 0.1);
        }
        for (int j = 0; j < neurons; j++) {
            normalise(v, j * d, d);
        }
        this.square = new double[v.length];
        this.buffer = new double[v.length];
        this.quotientSum = new double[neurons];
        this.directionSum = new double[v.length];
    }

    /** Current unit directions, C×D row-major (a copy). */
    double[] directions() {
        return v.clone();
    }

    void resetAccumulation() {
        java.util.Arrays.fill(quotientSum, 0);
        java.util.Arrays.fill(directionSum, 0);
        accumulated = 0;
    }

    /**
     * One step given S·v for the current directions. Returns the Rayleigh quotients R_j at the directions
     * before the step.
     */
    double[] step(double[] sv, double lr, boolean accumulate) {
        double[] quotients = new double[neurons];
        for (int j = 0; j < neurons; j++) {
            int o = j * d;
            double vv = 0;
            double vs = 0;
            for (int k = 0; k < d; k++) {
                vv += v[o + k] * v[o + k];
                vs += v[o + k] * sv[o + k];
            }
            double r = vs / vv;
            quotients[j] = r;
            if (accumulate) {
                quotientSum[j] += r;
                for (int k = 0; k < d; k++) {
                    directionSum[o + k] += v[o + k];
                }
            }
            double vv2 = vv * vv;
            for (int k = 0; k < d; k++) {
                double g = sign * 2 * (sv[o + k] * vv - v[o + k] * vs) / vv2;
                square[o + k] = rms.alpha() * square[o + k] + (1 - rms.alpha()) * g * g;
                buffer[o + k] = rms.momentum() * buffer[o + k] + g / (Math.sqrt(square[o + k]) + rms.eps());
                v[o + k] -= lr * buffer[o + k];
            }
            normalise(v, o, d);
        }
        if (accumulate) {
            accumulated++;
        }
        return quotients;
    }

    /** Mean Rayleigh quotient per neuron over the accumulated steps. */
    double[] eigenvalues() {
        double[] lambda = new double[neurons];
        for (int j = 0; j < neurons; j++) {
            lambda[j] = quotientSum[j] / Math.max(1, accumulated);
        }
        return lambda;
    }

    /** Mean direction per neuron over the accumulated steps, renormalised (C × D). */
    double[][] eigenvectors() {
        double[][] out = new double[neurons][d];
        for (int j = 0; j < neurons; j++) {
            System.arraycopy(accumulated > 0 ? directionSum : v, j * d, out[j], 0, d);
            normalise(out[j], 0, d);
        }
        return out;
    }

    private static void normalise(double[] x, int offset, int length) {
        double n = 0;
        for (int k = 0; k < length; k++) {
            n += x[offset + k] * x[offset + k];
        }
        n = Math.sqrt(n);
        if (n == 0) {
            x[offset] = 1;
            return;
        }
        for (int k = 0; k < length; k++) {
            x[offset + k] /= n;
        }
    }
}
