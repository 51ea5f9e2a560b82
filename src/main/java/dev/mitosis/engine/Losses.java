package dev.mitosis.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;

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
        float off = (float) (smoothing / k);
        float on = (float) (1 - smoothing + smoothing / k);
        float[] q = new float[n * k];
        java.util.Arrays.fill(q, off);
        for (int i = 0; i < n; i++) {
            q[i * k + labels[i]] = on;
        }
        NDArray t = manager.create(FloatBuffer.wrap(q), new Shape(n, k)).toDevice(network.device(), false);
        return network.dataType() == DataType.FLOAT32 ? t : t.toType(network.dataType(), false);
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

    static double scalar(NDArray a) {
        return a.getDataType() == DataType.FLOAT64 ? a.getDouble() : a.getFloat();
    }
}
