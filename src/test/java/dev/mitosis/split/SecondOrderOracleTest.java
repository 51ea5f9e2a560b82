package dev.mitosis.split;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.mitosis.data.Batch;
import dev.mitosis.data.Batches;
import dev.mitosis.data.Dataset;
import dev.mitosis.data.KnownDataset;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.SplittingPass;
import dev.mitosis.engine.Trainer;
import dev.mitosis.model.Model;
import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Initializer;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.Weights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The oracle for both probes (docs/algorithms.md §4): in float64, the loss change of a real split with two
 * mirror offspring is ½ε²·vᵀSv up to a relative O(ε²). Checked per kind of private path, for a selection
 * of many neurons at once, for signed splits, and the fast probe is checked against the exact one.
 */
class SecondOrderOracleTest {

    static final Activation SWISH = Activation.SWISH;
    static final int N = 48;
    static NetworkSpec spec;
    static Model model;
    static ProbeData data;
    static Batch batch;
    static ProbeResult exact;

    @BeforeAll
    static void setUp() {
        // Every kind of private path: stem → depthwise, pointwise → depthwise, expansion → depthwise (in a
        // residual block), conv → pool → classifier.
        spec = new NetworkSpec("oracle", new FeatureShape(2, 8, 8), 3, List.of(
                new Block.Conv(4, 3, 1, SWISH),
                new Block.DepthwiseSeparable(5, 2, SWISH),
                new Block.DepthwiseSeparable(6, 1, SWISH),
                new Block.InvertedResidual(9, 6, 3, 1, SWISH, Block.NO_CAP),
                new Block.Conv(7, 1, 1, SWISH),
                new Block.GlobalPool(), new Block.Linear()));
        model = new Model(spec, randomise(Initializer.initialize(spec, 7, DType.F64), 11));
        Random r = new Random(3);
        byte[] pixels = new byte[N * 2 * 8 * 8];
        r.nextBytes(pixels);
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = r.nextInt(3);
        }
        Dataset images = Dataset.of("random", KnownDataset.FASHION_MNIST, spec.input(), pixels, labels);
        Normalization norm = Normalization.of(images);
        // One batch holding all images: every probe step sees the same S.
        data = new ProbeData(images, norm, N, 0, 1);
        batch = Batches.evaluation(images, norm, N).epoch(0).iterator().next();
        try (Network net = Network.load(model, Device.cpu())) {
            exact = ExactProbe.run(net, data, ExactProbe.Options.defaults(), ProbeListener.NONE);
        }
    }

    /** Non-trivial BN statistics and a larger classifier, so that BN folding and every path matter. */
    static Weights randomise(Weights w, long seed) {
        Random r = new Random(seed);
        Map<String, Tensor> map = new LinkedHashMap<>();
        w.asMap().forEach((name, t) -> {
            double[] v = t.values();
            if (name.endsWith("running_var") || name.endsWith("_bn.weight")) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = 0.5 + r.nextDouble();
                }
            } else if (name.endsWith("running_mean") || name.endsWith("_bn.bias") || name.endsWith("fc.bias")) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = 0.3 * r.nextGaussian();
                }
            } else if (name.endsWith("fc.weight")) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = r.nextGaussian();
                }
            }
            map.put(name, Tensor.wrap(t.dtype(), t.shape(), v));
        });
        return new Weights(map);
    }

    static double loss(Model m) {
        try (Network net = Network.load(m, Device.cpu())) {
            return Trainer.evaluate(net, batch.images(), batch.labels(), batch.size()).meanLoss();
        }
    }

    record Neuron(LayerProbe layer, int index) {
        double lambda() {
            return layer.lambdaMin()[index];
        }
    }

    static List<Neuron> mostNegative(ProbeResult probe, int count) {
        List<Neuron> all = new ArrayList<>();
        for (LayerProbe l : probe.layers()) {
            for (int j = 0; j < l.width(); j++) {
                all.add(new Neuron(l, j));
            }
        }
        all.sort(Comparator.comparingDouble(Neuron::lambda));
        return all.subList(0, count);
    }

    @Test
    void everyKindOfPathMatchesTheSecondOrderPrediction() {
        double base = loss(model);
        double epsilon = 1e-3;
        assertThat(exact.layers()).extracting(LayerProbe::key).containsExactly("blocks.0.conv", "blocks.1.pw",
                "blocks.3.expand", "blocks.4.conv");
        for (LayerProbe layer : exact.layers()) {
            int j = 0;
            for (int i = 1; i < layer.width(); i++) {
                if (layer.lambdaMin()[i] < layer.lambdaMin()[j]) {
                    j = i;
                }
            }
            Model split = Surgery.apply(model, Map.of(layer.key(),
                    List.of(NeuronSplit.symmetric(j, layer.vMin()[j], epsilon))));
            double measured = loss(split) - base;
            double predicted = 0.5 * epsilon * epsilon * layer.lambdaMin()[j];
            assertThat(measured / predicted).as("%s neuron %d: measured %.4e, predicted %.4e", layer.key(), j, measured,
                    predicted).isBetween(0.99, 1.01);
        }
    }

    @Test
    void splittingASelectionChangesTheLossByHalfEpsilonSquaredTheSumOfLambdas() {
        double epsilon = 1e-3;
        Map<String, List<NeuronSplit>> splits = new LinkedHashMap<>();
        double sum = 0;
        for (Neuron n : mostNegative(exact, 10)) {
            assertThat(n.lambda()).isNegative();
            splits.computeIfAbsent(n.layer().key(), k -> new ArrayList<>())
                    .add(NeuronSplit.symmetric(n.index(), n.layer().vMin()[n.index()], epsilon));
            sum += n.lambda();
        }
        assertThat(splits).hasSizeGreaterThan(1);
        double measured = loss(Surgery.apply(model, splits)) - loss(model);
        assertThat(measured / (0.5 * epsilon * epsilon * sum)).isBetween(0.9, 1.1);
    }

    @Test
    void signedSplitsMatchTheirSecondOrderCoefficients() {
        double epsilon = 1e-3;
        double c = 2;
        double base = loss(model);
        // A neuron with curvature of both signs, so that every kind lowers the loss.
        Neuron n = null;
        double best = 0;
        for (LayerProbe layer : exact.layers()) {
            for (int j = 0; j < layer.width(); j++) {
                double score = -layer.lambdaMin()[j] * layer.lambdaMax().orElseThrow()[j];
                if (layer.lambdaMin()[j] < 0 && score > best) {
                    best = score;
                    n = new Neuron(layer, j);
                }
            }
        }
        assertThat(n).as("a neuron with λ_min < 0 < λ_max").isNotNull();
        LayerProbe l = n.layer();
        double lo = l.lambdaMin()[n.index()];
        double hi = l.lambdaMax().orElseThrow()[n.index()];
        for (SplitKind kind : SplitKind.values()) {
            NeuronSplit split = kind.offspring(n.index(), l.vMin()[n.index()], l.vMax().orElseThrow()[n.index()], epsilon, c);
            double measured = loss(Surgery.apply(model, Map.of(l.key(), List.of(split)))) - base;
            double predicted = 0.5 * epsilon * epsilon * kind.decrease(lo, hi, c);
            assertThat(measured / predicted).as("%s: measured %.4e, predicted %.4e", kind, measured, predicted)
                    .isBetween(0.99, 1.01);
        }
    }

    @Test
    void fastProbeFindsTheExactEigenpairs() {
        // One batch per pass, so every step sees the same S; 300 RMSprop steps, the rate halved every 60.
        FastProbe.Options options = new FastProbe.Options(300, 0.02, 0.5, 60, true, SplittingPass.Options.defaults(), 5);
        ProbeResult fast;
        try (Network net = Network.load(model, Device.cpu())) {
            fast = FastProbe.run(net, data, options, ProbeListener.NONE);
        }
        for (Neuron n : mostNegative(exact, 10)) {
            LayerProbe f = fast.layer(n.layer().key()).orElseThrow();
            double lambdaFast = f.lambdaMin()[n.index()];
            assertThat(lambdaFast).as(n.layer().key() + " " + n.index())
                    .isCloseTo(n.lambda(), org.assertj.core.data.Percentage.withPercentage(5));
            double cos = 0;
            for (int k = 0; k < f.fanIn(); k++) {
                cos += f.vMin()[n.index()][k] * n.layer().vMin()[n.index()][k];
            }
            assertThat(Math.abs(cos)).as(n.layer().key() + " " + n.index()).isGreaterThanOrEqualTo(0.95);
        }
        // λ_max by ascent, for the 10 neurons with the largest exact λ_max.
        List<Neuron> all = new ArrayList<>();
        exact.layers().forEach(l -> {
            for (int j = 0; j < l.width(); j++) {
                all.add(new Neuron(l, j));
            }
        });
        all.sort(Comparator.comparingDouble((Neuron n) -> -n.layer().lambdaMax().orElseThrow()[n.index()]));
        for (Neuron n : all.subList(0, 10)) {
            double exactMax = n.layer().lambdaMax().orElseThrow()[n.index()];
            double fastMax = fast.layer(n.layer().key()).orElseThrow().lambdaMax().orElseThrow()[n.index()];
            assertThat(fastMax).as("λ_max " + n.layer().key() + " " + n.index())
                    .isCloseTo(exactMax, org.assertj.core.data.Percentage.withPercentage(5));
        }
    }

    @Test
    void publishedOneActivationProbeMispredictsDepthwisePaths() {
        ProbeResult published;
        try (Network net = Network.load(model, Device.cpu())) {
            published = ExactProbe.run(net, data, new ExactProbe.Options(ExactProbe.DEFAULT_MEMORY_LIMIT,
                    new SplittingPass.Options(3, false)), ProbeListener.NONE);
        }
        // No depthwise stage after the last conv: both agree. Elsewhere the published S differs.
        LayerProbe fullLast = exact.layer("blocks.4.conv").orElseThrow();
        LayerProbe pubLast = published.layer("blocks.4.conv").orElseThrow();
        assertThat(pubLast.lambdaMin()).containsExactly(fullLast.lambdaMin(), org.assertj.core.data.Offset.offset(1e-12));
        LayerProbe fullStem = exact.layer("blocks.0.conv").orElseThrow();
        LayerProbe pubStem = published.layer("blocks.0.conv").orElseThrow();
        double worst = 0;
        for (int j = 0; j < fullStem.width(); j++) {
            worst = Math.max(worst, Math.abs(pubStem.lambdaMin()[j] - fullStem.lambdaMin()[j])
                    / Math.abs(fullStem.lambdaMin()[j]));
        }
        assertThat(worst).isGreaterThan(0.1);
    }
}
