package dev.mitosis.split;

import dev.mitosis.io.BadInputException;
import dev.mitosis.data.Batch;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.SplittingPass;
import dev.mitosis.net.NeuronLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * The fast splitting probe of the energy-aware paper (docs/algorithms.md §2): for every neuron, RMSprop
 * descent of the Rayleigh quotient of S on a direction v, where each step's S·v for all neurons comes
 * from one {@link SplittingPass}. Network weights are not touched. λ_min and v_min are averaged over
 * the last pass; λ_max by ascent on a second direction when asked (signed splitting).
 */
public final class FastProbe {

    /**
     * @param passes passes over the probe data (published: 10 on CIFAR, 2–4 on ImageNet)
     * @param lr RMSprop learning rate (published 1e-3), multiplied by {@code decay} every {@code decayEvery}
     *     passes (published 0.2 every 2)
     */
    public record Options(int passes, double lr, double decay, int decayEvery, boolean estimateMax,
                          SplittingPass.Options curvature, long seed) {
        public Options {
            if (passes < 1) {
                throw new IllegalArgumentException("the probe needs at least one pass, found " + passes);
            }
            if (!(lr > 0)) {
                throw new IllegalArgumentException("probe learning rate must be positive, found " + lr);
            }
            if (decayEvery < 1 || !(decay > 0 && decay <= 1)) {
                throw new IllegalArgumentException("probe LR decay must be in (0, 1] every >= 1 passes");
            }
        }

        /** 10 passes at lr 1e-3, ×0.2 every 2 passes, λ_min only, full-path curvature: the published probe. */
        public static Options published() {
            return new Options(10, 1e-3, 0.2, 2, false, SplittingPass.Options.defaults(), 1);
        }

        public Options withPasses(int n) {
            return new Options(n, lr, decay, decayEvery, estimateMax, curvature, seed);
        }

        public Options withMax(boolean max) {
            return new Options(passes, lr, decay, decayEvery, max, curvature, seed);
        }

        public Options withLr(double newLr) {
            return new Options(passes, newLr, decay, decayEvery, estimateMax, curvature, seed);
        }

        public Options withCurvature(SplittingPass.Options c) {
            return new Options(passes, lr, decay, decayEvery, estimateMax, c, seed);
        }

        public Options withSeed(long newSeed) {
            return new Options(passes, lr, decay, decayEvery, estimateMax, curvature, newSeed);
        }
    }

    private FastProbe() {
    }

    public static ProbeResult run(Network network, ProbeData data, Options options, ProbeListener listener) {
        long start = System.nanoTime();
        int images = 0;
        try (Stepper stepper = new Stepper(network, options)) {
            for (int p = 0; p < options.passes(); p++) {
                boolean last = p == options.passes() - 1;
                double lr = options.lr() * Math.pow(options.decay(), p / options.decayEvery());
                List<Batch> batches = data.pass(p);
                if (last) {
                    stepper.startAveraging();
                }
                for (int b = 0; b < batches.size(); b++) {
                    if (listener.cancelled()) {
                        throw new CancellationException("probe cancelled");
                    }
                    Batch batch = batches.get(b);
                    List<double[]> quotients = stepper.step(batch.images(), batch.labels(), batch.size(), lr, last);
                    images += batch.size();
                    listener.progress(p, options.passes(), b, batches.size(), quotients);
                }
            }
            return new ProbeResult(stepper.estimates(), "fast", options.curvature().fullPath() ? "full" : "published",
                    images, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * One fast-probe step at a time: S·v for every neuron from one splitting pass, then the RMSprop update
     * of every direction (and the same for λ_max when estimated). {@link #run} drives it over the data;
     * {@code mitosis bench split} times it.
     */
    public static final class Stepper implements AutoCloseable {

        private final List<NeuronLayer> layers;
        private final List<RayleighDescent> min = new ArrayList<>();
        private final List<RayleighDescent> max = new ArrayList<>();
        private final SplittingPass pass;

        public Stepper(Network network, Options options) {
            layers = network.topology().neuronLayers();
            if (layers.isEmpty()) {
                throw new BadInputException(network.spec().name() + ": nothing to split (no conv with a"
                        + " nonlinear activation whose channels stay private)");
            }
            SplittableRandom random = new SplittableRandom(options.seed());
            for (NeuronLayer l : layers) {
                min.add(new RayleighDescent(l.width(), l.fanIn(), false, RayleighDescent.RmsProp.published(), random));
                if (options.estimateMax()) {
                    max.add(new RayleighDescent(l.width(), l.fanIn(), true, RayleighDescent.RmsProp.published(), random));
                }
            }
            pass = new SplittingPass(network, layers, options.curvature());
        }

        /** From now on, estimates are the means over the steps taken (the last pass). */
        public void startAveraging() {
            min.forEach(RayleighDescent::resetAccumulation);
            max.forEach(RayleighDescent::resetAccumulation);
        }

        /** One step on a batch; returns the current Rayleigh quotients for λ_min, per layer. */
        public List<double[]> step(float[] images, int[] labels, int n, double lr, boolean accumulate) {
            List<double[]> quotients = update(min, images, labels, n, lr, accumulate);
            if (!max.isEmpty()) {
                update(max, images, labels, n, lr, accumulate);
            }
            return quotients;
        }

        private List<double[]> update(List<RayleighDescent> states, float[] images, int[] labels, int n, double lr,
                                      boolean accumulate) {
            List<double[]> directions = new ArrayList<>();
            for (RayleighDescent s : states) {
                directions.add(s.directions());
            }
            SplittingPass.Product product = pass.multiply(images, labels, n, directions);
            List<double[]> quotients = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                quotients.add(states.get(i).step(product.sv().get(i), lr, accumulate));
            }
            return quotients;
        }

        List<LayerProbe> estimates() {
            List<LayerProbe> result = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                NeuronLayer l = layers.get(i);
                Optional<double[]> lambdaMax = max.isEmpty() ? Optional.empty() : Optional.of(max.get(i).eigenvalues());
                Optional<double[][]> vMax = max.isEmpty() ? Optional.empty() : Optional.of(max.get(i).eigenvectors());
                result.add(new LayerProbe(l.key(), l.weightKey(), l.width(), l.fanIn(), min.get(i).eigenvalues(),
                        min.get(i).eigenvectors(), lambdaMax, vMax));
            }
            return result;
        }

        @Override
        public void close() {
            pass.close();
        }
    }
}
