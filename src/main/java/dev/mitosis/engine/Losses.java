package dev.mitosis.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Cross-entropy with label smoothing, and the scores read back from a batch. */
final class Losses {

    private Losses() {
    }

    /**
     * Targets q = (1 − ε)·onehot(y) + ε/K, shape (N, K), built on the host (label smoothing as in
     * torch.nn.CrossEntropyLoss(label_smoothing=ε)).
     */
    static NDArray targets(NDManager manager, Network network, int[] labels, int n, double smoothing) {
        int k = network.spec().classes();
        double[] q = new double[n * k];
        java.util.Arrays.fill(q, smoothing / k);
        for (int i = 0; i < n; i++) {
            q[i * k + labels[i]] = 1 - smoothing + smoothing / k;
        }
        NDArray t = network.dataType() == DataType.FLOAT64 ? manager.create(q, new Shape(n, k))
                : manager.create(toFloats(q), new Shape(n, k));
        return t.toDevice(network.device(), false);
    }

    /** Σ_i −⟨q_i, log softmax(z_i)⟩: the summed loss of the batch (a scalar). */
    static NDArray crossEntropySum(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum().neg();
    }

    static StepResult score(NDArray logits, NDArray lossSum, int[] labels, int n) {
        long[] predicted = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return new StepResult(scalar(lossSum), correct, n);
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static double scalar(NDArray a) {
        return a.getDataType() == DataType.FLOAT64 ? a.getDouble() : a.getFloat();
    }
}
