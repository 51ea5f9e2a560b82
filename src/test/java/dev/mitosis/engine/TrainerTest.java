package dev.mitosis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.mitosis.model.Model;
import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Initializer;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.Weights;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {

    static final NetworkSpec SMALL = new NetworkSpec("small", new FeatureShape(2, 6, 6), 3, List.of(
            new Block.Conv(3, 3, 1, Activation.SWISH),
            new Block.DepthwiseSeparable(4, 2, Activation.SWISH),
            new Block.GlobalPool(), new Block.Linear()));
    static final int N = 5;
    static final float[] X = random(N * 2 * 6 * 6, 1);
    static final int[] Y = {0, 2, 1, 1, 0};

    static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static Model model64() {
        Weights w = Initializer.initialize(SMALL, 3, DType.F64);
        // a non-zero classifier so that every parameter has a gradient
        Tensor fc = w.get("blocks.3.fc.weight");
        double[] v = fc.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i + 1);
        }
        return new Model(SMALL, w.with("blocks.3.fc.weight", Tensor.wrap(DType.F64, fc.shape(), v)));
    }

    /** Mean training-mode loss (batch statistics) of a model on the fixed batch. */
    static double loss(Model m) {
        try (Network net = Network.load(m, Device.cpu()); Trainer t = new Trainer(net, new Trainer.Config(0, false, 0, 0))) {
            return t.step(X, Y, N, 0).meanLoss();
        }
    }

    static Model perturb(Model m, String name, int index, double h) {
        Tensor t = m.weights().get(name);
        double[] v = t.values();
        v[index] += h;
        return new Model(m.spec(), m.weights().with(name, Tensor.wrap(t.dtype(), t.shape(), v)));
    }

    static double finiteDifference(Model m, String name, int index) {
        double h = 1e-6;
        return (loss(perturb(m, name, index, h)) - loss(perturb(m, name, index, -h))) / (2 * h);
    }

    static Weights oneStep(Model m, Trainer.Config config, double lr) {
        try (Network net = Network.load(m, Device.cpu()); Trainer t = new Trainer(net, config)) {
            t.step(X, Y, N, lr);
            return net.weights();
        }
    }

    @Test
    void sgdStepMovesAlongTheFiniteDifferenceGradient() {
        Model m = model64();
        double lr = 0.1;
        Weights after = oneStep(m, new Trainer.Config(0, false, 0, 0), lr);
        for (String name : List.of("blocks.0.conv.weight", "blocks.1.dw.weight", "blocks.1.pw.weight",
                "blocks.1.pw_bn.weight", "blocks.0.conv_bn.bias", "blocks.3.fc.bias")) {
            for (int index : new int[] {0, 2}) {
                double step = after.get(name).get(index) - m.weights().get(name).get(index);
                assertThat(-step / lr).as(name + "[" + index + "]")
                        .isCloseTo(finiteDifference(m, name, index), within(1e-8));
            }
        }
    }

    @Test
    void nesterovFirstStepIsOnePlusMomentumTimesTheGradientWithDecayOnWeightsOnly() {
        Model m = model64();
        double lr = 0.1;
        double mu = 0.9;
        double wd = 0.01;
        Weights nesterov = oneStep(m, new Trainer.Config(mu, true, wd, 0), lr);
        Weights plain = oneStep(m, new Trainer.Config(mu, false, wd, 0), lr);
        String conv = "blocks.1.pw.weight";
        double theta = m.weights().get(conv).get(1);
        double g = finiteDifference(m, conv, 1) + wd * theta;
        assertThat(nesterov.get(conv).get(1) - theta).isCloseTo(-lr * (1 + mu) * g, within(1e-8));
        assertThat(plain.get(conv).get(1) - theta).isCloseTo(-lr * g, within(1e-8));
        String gamma = "blocks.1.pw_bn.weight";
        double g0 = finiteDifference(m, gamma, 1);
        assertThat(nesterov.get(gamma).get(1) - m.weights().get(gamma).get(1)).isCloseTo(-lr * (1 + mu) * g0, within(1e-8));
    }

    @Test
    void trainingForwardUpdatesBatchNormRunningStatisticsLikePyTorch() {
        // conv 1x1 with one input channel: channel c outputs w_c·x, so its batch mean is w_c·mean(x) and
        // its unbiased batch variance w_c²·var(x); PyTorch updates running = 0.9·running + 0.1·batch.
        // DJL hands PyTorch the momentum as a float (1f − 0.9f = 0.100000024), hence 1e-6, not 1e-12.
        NetworkSpec tiny = new NetworkSpec("tiny", new FeatureShape(1, 2, 2), 2,
                List.of(new Block.Conv(2, 1, 1, Activation.RELU), new Block.GlobalPool(), new Block.Linear()));
        Weights w = Initializer.initialize(tiny, 1, DType.F64)
                .with("blocks.0.conv.weight", Tensor.wrap(DType.F64, new long[] {2, 1, 1, 1}, new double[] {2.0, -0.5}));
        float[] x = {1, 2, 3, 4, 0, 0, 2, 2, -1, 5, 1, 1};
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length - 1;
        try (Network net = Network.load(new Model(tiny, w), Device.cpu());
             Trainer t = new Trainer(net, new Trainer.Config(0, false, 0, 0))) {
            t.step(x, new int[] {0, 1, 0}, 3, 0);
            Weights after = net.weights();
            assertThat(after.get("blocks.0.conv_bn.running_mean").get(0)).isCloseTo(0.1 * 2.0 * mean, within(1e-6));
            assertThat(after.get("blocks.0.conv_bn.running_mean").get(1)).isCloseTo(0.1 * -0.5 * mean, within(1e-6));
            assertThat(after.get("blocks.0.conv_bn.running_var").get(0)).isCloseTo(0.9 + 0.1 * 4 * var, within(1e-6));
            assertThat(after.get("blocks.0.conv_bn.running_var").get(1)).isCloseTo(0.9 + 0.1 * 0.25 * var, within(1e-6));
            assertThat(after.get("blocks.0.conv_bn.num_batches_tracked").get(0)).isEqualTo(1.0);
        }
    }

    @Test
    void memoryStaysFlatAcrossSteps() {
        NetworkSpec seed = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(1, 28, 28), 10));
        float[] x = random(16 * 28 * 28, 5);
        int[] y = new int[16];
        try (Network net = Network.load(new Model(seed, Initializer.initialize(seed, 1)), Device.cpu());
             Trainer t = new Trainer(net, dev.mitosis.train.TrainConfig.defaults().optimizer())) {
            for (int i = 0; i < 3; i++) {
                t.step(x, y, 16, 0.01);
                t.evaluate(x, y, 16);
            }
            int arrays = net.manager().getManagedArrays().size();
            for (int i = 0; i < 30; i++) {
                t.step(x, y, 16, 0.01);
                t.evaluate(x, y, 16);
            }
            assertThat(net.manager().getManagedArrays()).hasSize(arrays);
        }
    }

    @Test
    void sameSeedSameWeights() {
        NetworkSpec seed = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(1, 28, 28), 10));
        Model m = new Model(seed, Initializer.initialize(seed, 9));
        float[] x = random(32 * 28 * 28, 6);
        int[] y = new int[32];
        for (int i = 0; i < 32; i++) {
            y[i] = i % 10;
        }
        Weights[] results = new Weights[2];
        for (int run = 0; run < 2; run++) {
            try (Network net = Network.load(m, Device.cpu()); Trainer t = new Trainer(net, dev.mitosis.train.TrainConfig.defaults().optimizer())) {
                for (int i = 0; i < 5; i++) {
                    t.step(x, y, 32, 0.05);
                }
                results[run] = net.weights();
            }
        }
        assertThat(results[1]).isEqualTo(results[0]);
        assertThat(results[0]).isNotEqualTo(m.weights());
    }
}
