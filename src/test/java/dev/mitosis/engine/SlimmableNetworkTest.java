package dev.mitosis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mitosis.model.Model;
import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Initializer;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.WeightLayout;
import dev.mitosis.weights.Weights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A slimmable network at widths W must be the plain network of widths W built from its leading channels,
 * and its sandwich step must descend the sum of the published losses. The supernet has a depthwise-separable
 * block feeding a residual inverted-residual block and a second, non-residual one, so slicing crosses a
 * depthwise conv and a skip connection.
 */
class SlimmableNetworkTest {

    static final FeatureShape INPUT = new FeatureShape(2, 6, 6);
    static final NetworkSpec SUPER = spec("super", 6, 12, 10);
    static final NetworkSpec SMALL = spec("small", 4, 7, 6);
    static final int N = 6;
    static final float[] X = TrainerTest.random(N * 2 * 6 * 6, 11);
    static final int[] Y = {0, 2, 1, 1, 0, 2};

    static NetworkSpec spec(String name, int stem, int hidden1, int hidden2) {
        return new NetworkSpec(name, INPUT, 3, List.of(
                new Block.Conv(stem, 3, 1, Activation.SWISH),
                new Block.DepthwiseSeparable(8, 2, Activation.SWISH),
                new Block.InvertedResidual(hidden1, 8, 3, 1, Activation.SWISH, Block.NO_CAP),
                new Block.InvertedResidual(hidden2, 6, 3, 1, Activation.SWISH, Block.NO_CAP),
                new Block.GlobalPool(), new Block.Linear()));
    }

    /** Random weights everywhere (a non-zero classifier and BN affine terms), so every channel matters. */
    static Model supernet(DType dtype) {
        Weights w = Initializer.initialize(SUPER, 5, dtype);
        Random r = new Random(7);
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (WeightLayout.Entry e : WeightLayout.of(SUPER)) {
            Tensor t = w.get(e.name());
            if (e.role() == WeightLayout.Role.KERNEL || e.role() == WeightLayout.Role.BIAS
                    || e.role() == WeightLayout.Role.BN_SHIFT) {
                double[] v = t.values();
                for (int i = 0; i < v.length; i++) {
                    v[i] += 0.3 * r.nextGaussian();
                }
                t = Tensor.wrap(t.dtype(), t.shape(), v);
            }
            map.put(e.name(), t);
        }
        return new Model(SUPER, new Weights(map));
    }

    /** The leading block of every tensor, copied element by element: written independently of the engine. */
    static Model slicedByHand(Model supernet, NetworkSpec config) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (WeightLayout.Entry e : WeightLayout.of(config)) {
            Tensor full = supernet.weights().get(e.name());
            if (e.integer()) {
                map.put(e.name(), full);
                continue;
            }
            long[] shape = e.shape();
            long[] fullShape = full.shape();
            double[] v = new double[Math.toIntExact(Tensor.numel(shape))];
            int[] idx = new int[shape.length];
            for (int i = 0; i < v.length; i++) {
                int rem = i;
                for (int d = shape.length - 1; d >= 0; d--) {
                    idx[d] = (int) (rem % shape[d]);
                    rem /= (int) shape[d];
                }
                int flat = 0;
                for (int d = 0; d < shape.length; d++) {
                    flat = flat * (int) fullShape[d] + idx[d];
                }
                v[i] = full.get(flat);
            }
            map.put(e.name(), Tensor.wrap(full.dtype(), shape, v));
        }
        return new Model(config, new Weights(map));
    }

    static double[] logits(Network net, boolean training) {
        try (NDManager batch = net.manager().newSubManager()) {
            return net.forward(net.input(batch, X, N), training).toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                    .toDoubleArray();
        }
    }

    static double[] slimLogits(SlimmableNetwork slim, NetworkSpec config, SlimmableNetwork.Calibration stats) {
        try (NDManager batch = slim.supernet().manager().newSubManager()) {
            NDArray x = slim.input(batch, X, N);
            return slim.forward(x, config, config.topology(), slim.supernet().parameters(), stats == null, stats)
                    .toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
        }
    }

    @Test
    void slicedForwardEqualsThePlainNetworkOfTheSlicedWeights() {
        for (DType dtype : List.of(DType.F64, DType.F32)) {
            Model sup = supernet(dtype);
            double tolerance = dtype == DType.F64 ? 1e-10 : 1e-5;
            try (SlimmableNetwork slim = SlimmableNetwork.load(sup, Device.cpu());
                 Network plain = Network.load(slicedByHand(sup, SMALL), Device.cpu());
                 Network full = Network.load(sup, Device.cpu())) {
                double[] expected = logits(plain, true);
                double[] actual = slimLogits(slim, SMALL, null);
                assertThat(actual).hasSize(N * 3);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("%s logit %d", dtype, i).isCloseTo(expected[i], within(tolerance));
                }
                // the largest configuration is the supernet itself
                double[] fullExpected = logits(full, true);
                double[] fullActual = slimLogits(slim, SUPER, null);
                for (int i = 0; i < fullExpected.length; i++) {
                    assertThat(fullActual[i]).isCloseTo(fullExpected[i], within(tolerance));
                }
                // and the sliced weights differ from the supernet's output: the small net is not the large one
                assertThat(actual[0]).isNotCloseTo(fullActual[0], within(1e-3));
            }
        }
    }

    @Test
    void calibrationAveragesEachBatchsStatisticsAndTheSliceComputesTheSameLogits() {
        Model sup = supernet(DType.F64);
        Model plainModel = slicedByHand(sup, SMALL);
        float[][] batches = {TrainerTest.random(N * 72, 21), TrainerTest.random(N * 72, 22), TrainerTest.random(N * 72, 23)};
        // Each batch's own statistics, read off a plain network's BN update from mean 0 / var 1 at momentum 0.1.
        Map<String, double[]> mean = new LinkedHashMap<>();
        Map<String, double[]> var = new LinkedHashMap<>();
        Weights zeroed = plainModel.weights();
        for (WeightLayout.Entry e : WeightLayout.of(SMALL)) {
            if (e.role() == WeightLayout.Role.BN_MEAN) {
                zeroed = zeroed.with(e.name(), Tensor.filled(DType.F64, e.shape(), 0));
            } else if (e.role() == WeightLayout.Role.BN_VARIANCE) {
                zeroed = zeroed.with(e.name(), Tensor.filled(DType.F64, e.shape(), 1));
            }
        }
        for (float[] b : batches) {
            try (Network plain = Network.load(new Model(SMALL, zeroed), Device.cpu());
                 NDManager m = plain.manager().newSubManager()) {
                plain.forward(plain.input(m, b, N), true);
                Weights after = plain.weights();
                for (WeightLayout.Entry e : WeightLayout.of(SMALL)) {
                    double[] v = after.get(e.name()).values();
                    if (e.role() == WeightLayout.Role.BN_MEAN) {
                        accumulate(mean, e.name(), v, 0, 1 / (1 - KEEP) / batches.length);
                    } else if (e.role() == WeightLayout.Role.BN_VARIANCE) {
                        accumulate(var, e.name(), v, KEEP, 1 / (1 - KEEP) / batches.length);
                    }
                }
            }
        }
        try (SlimmableNetwork slim = SlimmableNetwork.load(sup, Device.cpu());
             SlimmableNetwork.Calibration stats = slim.calibrate(SMALL)) {
            for (float[] b : batches) {
                stats.add(b, N);
            }
            Model sliced = slim.slice(stats);
            for (String name : mean.keySet()) {
                assertThat(sliced.weights().get(name).values()).as(name).containsExactly(mean.get(name), within(1e-9));
            }
            for (String name : var.keySet()) {
                assertThat(sliced.weights().get(name).values()).as(name).containsExactly(var.get(name), within(1e-9));
            }
            double[] expected;
            try (Network plain = Network.load(sliced, Device.cpu())) {
                expected = logits(plain, false);
            }
            double[] actual = slimLogits(slim, SMALL, stats);
            assertThat(actual).containsExactly(expected, within(1e-10));
            // the supernet's own running statistics were not touched by the calibration
            assertThat(slim.weights().get("blocks.0.conv_bn.running_mean").values())
                    .containsExactly(sup.weights().get("blocks.0.conv_bn.running_mean").values(), within(0.0));
        }
    }

    /** The share of the old running statistic a training-mode BN keeps (PyTorch's 1 − 0.1, as the float DJL takes). */
    private static final double KEEP = Ops.BN_MOMENTUM_DJL;

    private static void accumulate(Map<String, double[]> sums, String name, double[] running, double offset,
                                   double scale) {
        double[] s = sums.computeIfAbsent(name, k -> new double[running.length]);
        for (int i = 0; i < s.length; i++) {
            s[i] += (running[i] - offset) * scale;
        }
    }

    @Test
    void aConfigurationWiderThanTheSupernetIsRefused() {
        try (SlimmableNetwork slim = SlimmableNetwork.load(supernet(DType.F64), Device.cpu())) {
            assertThatThrownBy(() -> slim.calibrate(spec("wide", 7, 12, 10)))
                    .hasMessageContaining("blocks.0.conv").hasMessageContaining("does not fit");
        }
    }

    /** J(θ) = CE(large(θ), y) + CE(small(θ), q), q held fixed: the objective the sandwich step descends. */
    static double objective(Model sup, double[] q) {
        double j;
        try (Network large = Network.load(sup, Device.cpu()); NDManager m = large.manager().newSubManager()) {
            NDArray z = large.forward(large.input(m, X, N), true);
            j = Losses.scalar(Losses.crossEntropySum(z, Losses.targets(m, large, Y, N, 0))) / N;
        }
        try (Network small = Network.load(slicedByHand(sup, SMALL), Device.cpu());
             NDManager m = small.manager().newSubManager()) {
            NDArray z = small.forward(small.input(m, X, N), true);
            NDArray target = m.create(q, new ai.djl.ndarray.types.Shape(N, 3));
            j += Losses.scalar(Losses.crossEntropySum(z, target)) / N;
        }
        return j;
    }

    static double[] softOutput(Model sup) {
        try (Network large = Network.load(sup, Device.cpu()); NDManager m = large.manager().newSubManager()) {
            return large.forward(large.input(m, X, N), true).softmax(1).toDoubleArray();
        }
    }

    static Model moved(Model sup, Map<String, double[]> direction, double h) {
        Weights w = sup.weights();
        for (var e : direction.entrySet()) {
            Tensor t = w.get(e.getKey());
            double[] v = t.values();
            for (int i = 0; i < v.length; i++) {
                v[i] += h * e.getValue()[i];
            }
            w = w.with(e.getKey(), Tensor.wrap(t.dtype(), t.shape(), v));
        }
        return new Model(sup.spec(), w);
    }

    @Test
    void aSandwichStepDescendsTheLargestsLabelLossPlusTheDistilledLoss() {
        Model sup = supernet(DType.F64);
        double[] q = softOutput(sup);
        Random r = new Random(3);
        Map<String, double[]> direction = new LinkedHashMap<>();
        for (WeightLayout.Entry e : WeightLayout.of(SUPER)) {
            if (e.role().trainable()) {
                double[] d = new double[Math.toIntExact(Tensor.numel(e.shape()))];
                for (int i = 0; i < d.length; i++) {
                    d[i] = r.nextGaussian();
                }
                direction.put(e.name(), d);
            }
        }
        SandwichTrainer.Step step;
        Weights after;
        try (SlimmableNetwork slim = SlimmableNetwork.load(sup, Device.cpu());
             SandwichTrainer trainer = new SandwichTrainer(slim, new Trainer.Config(0, false, 0, 0))) {
            step = trainer.step(X, Y, N, 1.0, List.of(SUPER, SMALL));
            after = slim.weights();
        }
        // the losses reported are the two published ones, computed on plain networks
        double largeLoss;
        try (Network large = Network.load(sup, Device.cpu()); NDManager m = large.manager().newSubManager()) {
            NDArray z = large.forward(large.input(m, X, N), true);
            largeLoss = Losses.scalar(Losses.crossEntropySum(z, Losses.targets(m, large, Y, N, 0))) / N;
        }
        assertThat(step.losses()).hasSize(2);
        assertThat(step.losses()[0]).isCloseTo(largeLoss, within(1e-10));
        assertThat(step.losses()[0] + step.losses()[1]).isCloseTo(objective(sup, q), within(1e-10));
        assertThat(step.largest().meanLoss()).isCloseTo(largeLoss, within(1e-10));
        // at lr 1 without momentum or decay the step is −∇J: its component along d is J's directional derivative
        double along = 0;
        for (var e : direction.entrySet()) {
            double[] before = sup.weights().get(e.getKey()).values();
            double[] now = after.get(e.getKey()).values();
            for (int i = 0; i < before.length; i++) {
                along += (before[i] - now[i]) * e.getValue()[i];
            }
        }
        double h = 1e-5;
        double finite = (objective(moved(sup, direction, h), q) - objective(moved(sup, direction, -h), q)) / (2 * h);
        assertThat(along).isCloseTo(finite, within(1e-6 * Math.max(1, Math.abs(finite))));
        // the distilled term matters: without it the step would follow the label loss alone
        double labelOnly;
        try (SlimmableNetwork slim = SlimmableNetwork.load(sup, Device.cpu());
             SandwichTrainer trainer = new SandwichTrainer(slim, new Trainer.Config(0, false, 0, 0))) {
            trainer.step(X, Y, N, 1.0, List.of(SUPER));
            Weights w = slim.weights();
            labelOnly = 0;
            for (var e : direction.entrySet()) {
                double[] before = sup.weights().get(e.getKey()).values();
                double[] now = w.get(e.getKey()).values();
                for (int i = 0; i < before.length; i++) {
                    labelOnly += (before[i] - now[i]) * e.getValue()[i];
                }
            }
        }
        assertThat(Math.abs(labelOnly - along)).isGreaterThan(1e-3 * Math.abs(along));
    }

    @Test
    void aRestoredMomentumContinuesTheSameTrajectory() {
        Model sup = supernet(DType.F64);
        Trainer.Config momentum = new Trainer.Config(0.9, true, 1e-4, 0);
        List<NetworkSpec> configs = List.of(SUPER, SMALL);
        Weights straight;
        Weights checkpoint;
        Tensor saved;
        try (SlimmableNetwork slim = SlimmableNetwork.load(sup, Device.cpu());
             SandwichTrainer trainer = new SandwichTrainer(slim, momentum)) {
            trainer.step(X, Y, N, 0.1, configs);
            trainer.step(X, Y, N, 0.1, configs);
            checkpoint = slim.weights();
            saved = trainer.momentum();
            trainer.step(X, Y, N, 0.1, configs);
            straight = slim.weights();
        }
        Weights resumed;
        Weights fresh;
        try (SlimmableNetwork slim = SlimmableNetwork.load(new Model(SUPER, checkpoint), Device.cpu());
             SandwichTrainer trainer = new SandwichTrainer(slim, momentum)) {
            assertThat(trainer.restoreMomentum(saved)).isTrue();
            trainer.step(X, Y, N, 0.1, configs);
            resumed = slim.weights();
        }
        try (SlimmableNetwork slim = SlimmableNetwork.load(new Model(SUPER, checkpoint), Device.cpu());
             SandwichTrainer trainer = new SandwichTrainer(slim, momentum)) {
            assertThat(trainer.restoreMomentum(Tensor.filled(DType.F64, new long[] {3}, 0))).isFalse();
            trainer.step(X, Y, N, 0.1, configs);
            fresh = slim.weights();
        }
        String kernel = "blocks.1.pw.weight";
        assertThat(resumed.get(kernel).values()).containsExactly(straight.get(kernel).values(), within(1e-12));
        assertThat(fresh.get(kernel).values()).isNotEqualTo(straight.get(kernel).values());
    }
}
