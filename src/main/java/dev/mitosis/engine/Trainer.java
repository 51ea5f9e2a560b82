package dev.mitosis.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * Training and evaluation steps on a {@link Network}: forward, label-smoothed cross-entropy, backward
 * and an SGD step. Each call works in its own sub-manager, closed before it returns, so memory stays
 * flat however many batches run. Same threading rule as {@link Network}.
 */
public final class Trainer implements AutoCloseable {

    /** Loss and optimizer settings (their defaults are {@code TrainConfig.defaults()}). */
    public record Config(double momentum, boolean nesterov, double weightDecay, double labelSmoothing) {
        public Config {
            new Sgd.Config(momentum, nesterov, weightDecay);
            if (labelSmoothing < 0 || labelSmoothing >= 1) {
                throw new IllegalArgumentException("label smoothing must be in [0, 1), found " + labelSmoothing);
            }
        }
    }

    private final Network network;
    private final Config config;
    private final Sgd sgd;

    public Trainer(Network network, Config config) {
        this.network = network;
        this.config = config;
        this.sgd = new Sgd(network, new Sgd.Config(config.momentum(), config.nesterov(), config.weightDecay()));
    }

    /** One SGD step on a batch of {@code n} images (N×C×H×W floats, already normalised). */
    public StepResult step(float[] images, int[] labels, int n, double lr) {
        try (NDManager batch = network.manager().newSubManager()) {
            NDArray x = network.input(batch, images, n);
            StepResult result;
            try (GradientCollector collector = EngineBoot.engine().newGradientCollector()) {
                NDArray logits = network.forward(x, true);
                NDArray loss = Losses.crossEntropySum(logits,
                        Losses.targets(batch, network, labels, n, config.labelSmoothing()));
                collector.backward(loss.div(n));
                result = Losses.score(logits, loss, labels, n);
            }
            if (result.finite()) {
                sgd.step(lr, batch);
            }
            return result;
        }
    }

    /** Loss and correct predictions with BN in inference mode; no gradients. */
    public StepResult evaluate(float[] images, int[] labels, int n) {
        return evaluate(network, images, labels, n);
    }

    public static StepResult evaluate(Network network, float[] images, int[] labels, int n) {
        try (NDManager batch = network.manager().newSubManager()) {
            NDArray x = network.input(batch, images, n);
            NDArray logits = network.forward(x, false);
            NDArray loss = Losses.crossEntropySum(logits, Losses.targets(batch, network, labels, n, 0));
            return Losses.score(logits, loss, labels, n);
        }
    }

    @Override
    public void close() {
        sgd.close();
    }
}
