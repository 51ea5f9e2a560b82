package dev.mitosis.train;

import dev.mitosis.engine.Trainer;

/**
 * Everything that decides a training run. {@link #defaults} is the published fine-tuning recipe (SGD,
 * momentum 0.9, weight decay 1e-4, cosine schedule) with two deliberate changes: fewer epochs, which
 * Fashion-MNIST needs, and Nesterov momentum, which Mitosis uses by default ({@code --no-nesterov}
 * gives the published plain momentum).
 */
public record TrainConfig(int epochs, int batchSize, double lr, LrSchedule schedule, double momentum,
                          boolean nesterov, double weightDecay, double labelSmoothing, boolean augment, long seed) {

    public TrainConfig {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be non-negative, found " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, found " + batchSize);
        }
        if (!(lr > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, found " + lr);
        }
        new Trainer.Config(momentum, nesterov, weightDecay, labelSmoothing);
    }

    public static TrainConfig defaults() {
        return new TrainConfig(10, 64, 0.05, LrSchedule.cosine(), 0.9, true, 1e-4, 0.0, true, 1);
    }

    public Trainer.Config optimizer() {
        return new Trainer.Config(momentum, nesterov, weightDecay, labelSmoothing);
    }

    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(newEpochs, batchSize, lr, schedule, momentum, nesterov, weightDecay, labelSmoothing,
                augment, seed);
    }

    public TrainConfig withLr(double newLr) {
        return new TrainConfig(epochs, batchSize, newLr, schedule, momentum, nesterov, weightDecay, labelSmoothing,
                augment, seed);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(epochs, batchSize, lr, schedule, momentum, nesterov, weightDecay, labelSmoothing,
                augment, newSeed);
    }
}
