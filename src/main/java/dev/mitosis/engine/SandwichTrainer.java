package dev.mitosis.engine;

import dev.mitosis.weights.Tensor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.mitosis.net.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Training steps of a {@link SlimmableNetwork} by the sandwich rule with in-place distillation (Yu &amp;
 * Huang, "Universally Slimmable Networks", 2019): every step trains the largest configuration on the
 * labels and each other configuration on the largest one's detached soft output, sums the mean losses,
 * and takes one SGD step on the summed gradient. One backward pass covers all configurations, so a step
 * costs n forward and n backward passes at their own widths and nothing else. Same threading rule as
 * {@link Network}.
 */
public final class SandwichTrainer implements AutoCloseable {

    /**
     * @param largest the first configuration's loss (on the labels) and correct predictions
     * @param losses every configuration's mean loss, in the order given: cross-entropy on the labels for
     *     the first, on its soft output for the others
     */
    public record Step(StepResult largest, double[] losses) {
        public boolean finite() {
            for (double l : losses) {
                if (!Double.isFinite(l)) {
                    return false;
                }
            }
            return largest.finite();
        }
    }

    private final SlimmableNetwork network;
    private final Trainer.Config config;
    private final Sgd sgd;

    public SandwichTrainer(SlimmableNetwork network, Trainer.Config config) {
        this.network = network;
        this.config = config;
        this.sgd = new Sgd(network.supernet(), new Sgd.Config(config.momentum(), config.nesterov(),
                config.weightDecay()));
    }

    /**
     * One step on a batch of {@code n} images. {@code configurations.get(0)} learns from the labels (with
     * the configured label smoothing), the others from it. No update is applied when a loss is not finite.
     */
    public Step step(float[] images, int[] labels, int n, double lr, List<NetworkSpec> configurations) {
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("the sandwich rule needs at least one configuration");
        }
        Network supernet = network.supernet();
        try (NDManager batch = supernet.manager().newSubManager()) {
            NDArray x = network.input(batch, images, n);
            List<NDArray> losses = new ArrayList<>();
            StepResult largest;
            try (GradientCollector collector = EngineBoot.engine().newGradientCollector()) {
                // Views made inside the collector, or autograd would not connect them to the flat parameter.
                var params = supernet.trainingParameters(batch);
                NetworkSpec first = configurations.get(0);
                NDArray logits = network.forward(x, first, first.topology(), params, true, null);
                NDArray lossSum = Losses.crossEntropySum(logits,
                        Losses.targets(batch, supernet, labels, n, config.labelSmoothing()));
                NDArray total = lossSum.div(n);
                losses.add(total);
                NDArray teacher = logits.stopGradient().softmax(1);
                for (NetworkSpec c : configurations.subList(1, configurations.size())) {
                    NDArray student = network.forward(x, c, c.topology(), params, true, null);
                    NDArray loss = Losses.crossEntropySum(student, teacher).div(n);
                    losses.add(loss);
                    total = total.add(loss);
                }
                collector.backward(total);
                largest = Losses.score(logits, lossSum, labels, n);
            }
            double[] values = new double[losses.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Losses.scalar(losses.get(i));
            }
            Step step = new Step(largest, values);
            if (step.finite()) {
                sgd.step(lr, batch);
            } else {
                sgd.discard();
            }
            return step;
        }
    }

    /** The optimizer's momentum on the host (null without momentum), to checkpoint with the supernet. */
    public Tensor momentum() {
        return sgd.momentum();
    }

    /** Continues with a checkpointed momentum; false when it does not fit this supernet (then it starts at zero). */
    public boolean restoreMomentum(Tensor saved) {
        return sgd.restoreMomentum(saved);
    }

    @Override
    public void close() {
        sgd.close();
    }
}
