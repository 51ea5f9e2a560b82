package dev.mitosis.split;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.SplittingPass;
import dev.mitosis.engine.Trainer;
import dev.mitosis.model.Model;
import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Initializer;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.Weights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecondOrderOracleTest {

    static final Activation SWISH = Activation.SWISH;
    static NetworkSpec spec;
    static Model model;
    static float[] images;
    static int[] labels;
    static final int N = 24;

    @BeforeAll
    static void setUp() {
        // Every kind of private path: stem → depthwise, pointwise → depthwise, expansion → depthwise,
        // conv → pool → classifier.
        spec = new NetworkSpec("oracle", new FeatureShape(2, 8, 8), 3, List.of(
                new Block.Conv(4, 3, 1, SWISH),
                new Block.DepthwiseSeparable(5, 2, SWISH),
                new Block.DepthwiseSeparable(6, 1, SWISH),
                new Block.InvertedResidual(9, 6, 3, 1, SWISH, Block.NO_CAP),
                new Block.Conv(7, 1, 1, SWISH),
                new Block.GlobalPool(), new Block.Linear()));
        model = new Model(spec, randomise(Initializer.initialize(spec, 7, DType.F64), 11));
        Random r = new Random(3);
        images = new float[N * 2 * 8 * 8];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) r.nextGaussian();
        }
        labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = r.nextInt(3);
        }
    }

    /** Non-trivial BN statistics and a larger classifier, so folding and the paths are exercised. */
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

    static double evalLoss(Model m) {
        try (Network net = Network.load(m, Device.cpu())) {
            return Trainer.evaluate(net, images, labels, N).meanLoss();
        }
    }

    /** S_j for every neuron of every layer: column i from the pass with all directions = e_i. */
    static List<double[][][]> exactMatrices(Model m, SplittingPass.Options options) {
        try (Network net = Network.load(m, Device.cpu())) {
            List<NeuronLayer> layers = net.topology().neuronLayers();
            List<double[][][]> s = new ArrayList<>();
            int maxD = 0;
            for (NeuronLayer l : layers) {
                s.add(new double[l.width()][l.fanIn()][l.fanIn()]);
                maxD = Math.max(maxD, l.fanIn());
            }
            try (SplittingPass pass = new SplittingPass(net, layers, options)) {
                for (int i = 0; i < maxD; i++) {
                    List<double[]> dirs = new ArrayList<>();
                    for (NeuronLayer l : layers) {
                        double[] d = new double[l.width() * l.fanIn()];
                        if (i < l.fanIn()) {
                            for (int j = 0; j < l.width(); j++) {
                                d[j * l.fanIn() + i] = 1;
                            }
                        }
                        dirs.add(d);
                    }
                    List<double[]> sv = pass.multiply(images, labels, N, dirs).sv();
                    for (int li = 0; li < layers.size(); li++) {
                        NeuronLayer l = layers.get(li);
                        if (i >= l.fanIn()) {
                            continue;
                        }
                        for (int j = 0; j < l.width(); j++) {
                            for (int k = 0; k < l.fanIn(); k++) {
                                s.get(li)[j][k][i] = sv.get(li)[j * l.fanIn() + k];
                            }
                        }
                    }
                }
            }
            return s;
        }
    }

    /** Smallest eigenpair of the symmetrised matrix. */
    static double[] minEigen(double[][] s, double[] vectorOut) {
        int d = s.length;
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                m.set(a, b, 0.5 * (s[a][b] + s[b][a]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        assertThat(eig.decompose(m)).isTrue();
        int best = 0;
        for (int i = 1; i < d; i++) {
            if (eig.getEigenvalue(i).real < eig.getEigenvalue(best).real) {
                best = i;
            }
        }
        DMatrixRMaj v = eig.getEigenVector(best);
        double norm = 0;
        for (int i = 0; i < d; i++) {
            norm += v.get(i) * v.get(i);
        }
        for (int i = 0; i < d; i++) {
            vectorOut[i] = v.get(i) / Math.sqrt(norm);
        }
        return new double[] {eig.getEigenvalue(best).real};
    }

    @Test
    void splittingMatrixIsSymmetric() {
        List<double[][][]> all = exactMatrices(model, SplittingPass.Options.defaults());
        for (double[][][] layer : all) {
            for (double[][] s : layer) {
                double scale = 0;
                double asym = 0;
                for (int a = 0; a < s.length; a++) {
                    for (int b = 0; b < s.length; b++) {
                        scale = Math.max(scale, Math.abs(s[a][b]));
                        asym = Math.max(asym, Math.abs(s[a][b] - s[b][a]));
                    }
                }
                assertThat(asym).isLessThanOrEqualTo(1e-9 * Math.max(scale, 1e-12) + 1e-15);
            }
        }
    }

    @Test
    void lossChangeOfARealSplitMatchesHalfEpsilonSquaredLambdaOnEveryPathKind() {
        List<double[][][]> all = exactMatrices(model, SplittingPass.Options.defaults());
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        double base = evalLoss(model);
        double epsilon = 1e-3;
        for (int li = 0; li < layers.size(); li++) {
            NeuronLayer layer = layers.get(li);
            // the neuron with the most negative λ_min in this layer
            double bestLambda = Double.POSITIVE_INFINITY;
            double[] bestV = null;
            int bestJ = -1;
            for (int j = 0; j < layer.width(); j++) {
                double[] v = new double[layer.fanIn()];
                double lambda = minEigen(all.get(li)[j], v)[0];
                if (lambda < bestLambda) {
                    bestLambda = lambda;
                    bestV = v;
                    bestJ = j;
                }
            }
            Model split = Surgery.apply(model, Map.of(layer.key(),
                    List.of(NeuronSplit.symmetric(bestJ, bestV, epsilon))));
            double measured = evalLoss(split) - base;
            double predicted = 0.5 * epsilon * epsilon * bestLambda;
            assertThat(measured / predicted)
                    .as("layer %s neuron %d: measured %.4e predicted %.4e", layer.key(), bestJ, measured, predicted)
                    .isBetween(0.99, 1.01);
        }
    }
}
