package dev.mitosis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.mitosis.model.Model;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.net.Templates;
import dev.mitosis.weights.Initializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplittingPassTest {

    @Test
    void passLeavesNoArraysBehind() {
        NetworkSpec seed = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(1, 28, 28), 10));
        float[] x = TrainerTest.random(8 * 28 * 28, 2);
        int[] y = new int[8];
        try (Network net = Network.load(new Model(seed, Initializer.initialize(seed, 1)), Device.cpu())) {
            int before = net.manager().getManagedArrays().size();
            List<NeuronLayer> layers = seed.topology().neuronLayers();
            List<double[]> dirs = new ArrayList<>();
            for (NeuronLayer l : layers) {
                dirs.add(new double[l.width() * l.fanIn()]);
            }
            try (SplittingPass pass = new SplittingPass(net, layers, SplittingPass.Options.defaults())) {
                pass.multiply(x, y, 8, dirs);
                int during = net.manager().getManagedArrays().size();
                for (int i = 0; i < 5; i++) {
                    pass.multiply(x, y, 8, dirs);
                }
                assertThat(net.manager().getManagedArrays()).hasSize(during);
            }
            assertThat(net.manager().getManagedArrays()).hasSize(before);
        }
    }
}
