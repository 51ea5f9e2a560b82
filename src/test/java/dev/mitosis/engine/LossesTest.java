package dev.mitosis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mitosis.model.Model;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Initializer;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void labelSmoothedCrossEntropyMatchesTheDefinition() {
        Model m = new Model(TrainerTest.SMALL, Initializer.initialize(TrainerTest.SMALL, 1, DType.F64));
        double[][] z = {{2.0, -1.0, 0.5}, {0.0, 0.0, 3.0}};
        int[] y = {0, 1};
        double eps = 0.1;
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double lse = Math.log(Math.exp(z[i][0]) + Math.exp(z[i][1]) + Math.exp(z[i][2]));
            for (int k = 0; k < 3; k++) {
                double q = (k == y[i] ? 1 - eps : 0) + eps / 3;
                expected -= q * (z[i][k] - lse);
            }
        }
        try (Network net = Network.load(m, Device.cpu()); NDManager batch = net.manager().newSubManager()) {
            NDArray logits = batch.create(new double[] {2.0, -1.0, 0.5, 0.0, 0.0, 3.0}, new ai.djl.ndarray.types.Shape(2, 3));
            double loss = Losses.scalar(Losses.crossEntropySum(logits, Losses.targets(batch, net, y, 2, eps)));
            assertThat(loss).isCloseTo(expected, within(1e-12));
        }
    }
}
