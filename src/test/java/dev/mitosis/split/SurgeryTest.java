package dev.mitosis.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mitosis.engine.Network;
import dev.mitosis.model.Model;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.net.Templates;
import dev.mitosis.weights.Initializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SurgeryTest {

    static float[] logits(Model m, float[] images, int n) {
        try (Network net = Network.load(m, Device.cpu()); NDManager batch = net.manager().newSubManager()) {
            NDArray x = net.input(batch, images, n);
            return net.forward(x, false).toFloatArray();
        }
    }

    static float[] randomImages(FeatureShape shape, int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[Math.toIntExact(n * shape.size())];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** Splits every other neuron of every splittable layer with zero offsets. */
    static Map<String, List<NeuronSplit>> zeroSplits(NetworkSpec spec) {
        Map<String, List<NeuronSplit>> splits = new LinkedHashMap<>();
        for (NeuronLayer l : spec.topology().neuronLayers()) {
            List<NeuronSplit> list = new ArrayList<>();
            for (int j = 0; j < l.width(); j += 2) {
                list.add(NeuronSplit.symmetric(j, new double[l.fanIn()], 0.0));
            }
            splits.put(l.key(), list);
        }
        return splits;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mbv1-seed", "mbv2-seed"})
    void zeroEpsilonSplitPreservesLogitsForEveryBlockKind(String template) {
        FeatureShape input = new FeatureShape(3, 32, 32);
        NetworkSpec spec = Templates.create(template, Templates.Options.of(input, 10));
        Model model = new Model(spec, SecondOrderOracleTest.randomise(Initializer.initialize(spec, 5), 9)
                .cast(dev.mitosis.weights.DType.F32));
        Map<String, List<NeuronSplit>> splits = zeroSplits(spec);
        Model grown = Surgery.apply(model, splits);

        assertThat(grown.spec().macs()).isGreaterThan(spec.macs());
        for (NeuronLayer l : spec.topology().neuronLayers()) {
            int added = (l.width() + 1) / 2;
            assertThat(grown.spec().topology().neuronLayer(l.key()).orElseThrow().width())
                    .isEqualTo(l.width() + added);
        }
        float[] x = randomImages(input, 4, 1);
        float[] before = logits(model, x, 4);
        float[] after = logits(grown, x, 4);
        for (int i = 0; i < before.length; i++) {
            assertThat((double) after[i]).isCloseTo(before[i], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void offspringGoAfterExistingChannelsAndShareTheOutput() {
        NetworkSpec spec = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(1, 28, 28), 10));
        Model model = new Model(spec, Initializer.initialize(spec, 3));
        NeuronLayer stem = spec.topology().neuronLayer("blocks.0.conv").orElseThrow();
        double[] v = new double[stem.fanIn()];
        v[0] = 1;
        Model grown = Surgery.apply(model, Map.of(stem.key(), List.of(NeuronSplit.symmetric(3, v, 0.5))));

        var w0 = model.weights().get("blocks.0.conv.weight");
        var w1 = grown.weights().get("blocks.0.conv.weight");
        assertThat(w1.shape()).containsExactly(9, 1, 3, 3);
        int d = 9;
        assertThat(w1.get(3 * d)).isEqualTo((float) (w0.get(3 * d) + 0.5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(w1.get(8 * d)).isEqualTo((float) (w0.get(3 * d) - 0.5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(w1.get(0)).isEqualTo(w0.get(0)); // other neurons untouched
        // depthwise filter of block 1 duplicated, not halved
        var dw0 = model.weights().get("blocks.1.dw.weight");
        var dw1 = grown.weights().get("blocks.1.dw.weight");
        assertThat(dw1.get(8 * 9 + 4)).isEqualTo(dw0.get(3 * 9 + 4));
        // pointwise columns halved and duplicated
        var pw0 = model.weights().get("blocks.1.pw.weight");
        var pw1 = grown.weights().get("blocks.1.pw.weight");
        assertThat(pw1.get(3)).isEqualTo((float) (pw0.get(3) / 2));
        assertThat(pw1.get(8)).isEqualTo((float) (pw0.get(3) / 2));
    }

    @Test
    void rejectsANeuronOutsideTheLayerAndDoubleSplits() {
        NetworkSpec spec = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(1, 28, 28), 10));
        Model model = new Model(spec, Initializer.initialize(spec, 3));
        double[] v = new double[9];
        assertThatThrownBy(() -> Surgery.apply(model, Map.of("blocks.0.conv",
                List.of(NeuronSplit.symmetric(8, v, 0.1)))))
                .hasMessageContaining("neuron 8 is outside 0..7");
        assertThatThrownBy(() -> Surgery.apply(model, Map.of("blocks.0.conv",
                List.of(NeuronSplit.symmetric(1, v, 0.1), NeuronSplit.symmetric(1, v, 0.1)))))
                .hasMessageContaining("split twice");
    }
}
