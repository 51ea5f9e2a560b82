package dev.mitosis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.mitosis.model.Model;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.net.Templates;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Initializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplittingPassTest {

    /**
     * Float32 runs through oneDNN's channels-last kernels, float64 through PyTorch's own convs (oneDNN has
     * no float64); the second-order oracle checks the float64 products against real splits. Agreement
     * to float32 precision ties the fast path to that oracle.
     */
    @Test
    void float32ProductsAgreeWithFloat64() {
        NetworkSpec seed = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(3, 32, 32), 10));
        int n = 16;
        float[] x = TrainerTest.random(n * 3 * 32 * 32, 3);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
        }
        List<NeuronLayer> layers = seed.topology().neuronLayers();
        java.util.Random r = new java.util.Random(4);
        List<double[]> dirs = new ArrayList<>();
        for (NeuronLayer l : layers) {
            double[] d = new double[l.width() * l.fanIn()];
            for (int i = 0; i < d.length; i++) {
                d[i] = r.nextGaussian();
            }
            dirs.add(d);
        }
        List<double[]> single = products(new Model(seed, Initializer.initialize(seed, 1, DType.F32)), x, y, dirs);
        List<double[]> dbl = products(new Model(seed, Initializer.initialize(seed, 1, DType.F64)), x, y, dirs);
        for (int l = 0; l < layers.size(); l++) {
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < dbl.get(l).length; i++) {
                diff += Math.pow(single.get(l)[i] - dbl.get(l)[i], 2);
                norm += Math.pow(dbl.get(l)[i], 2);
            }
            assertThat(norm).as("layer %s has a nonzero product", layers.get(l).key()).isGreaterThan(0);
            assertThat(Math.sqrt(diff / norm)).as("relative error of S·v, layer %s", layers.get(l).key())
                    .isLessThan(1e-4);
        }
    }

    private static List<double[]> products(Model m, float[] x, int[] y, List<double[]> dirs) {
        try (Network net = Network.load(m, Device.cpu());
             SplittingPass pass = new SplittingPass(net, m.spec().topology().neuronLayers(),
                     SplittingPass.Options.defaults())) {
            return pass.multiply(x, y, y.length, dirs).sv();
        }
    }

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
