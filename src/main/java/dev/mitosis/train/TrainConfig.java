package dev.mitosis.train;

import dev.mitosis.engine.Trainer;

/**
 * Everything that decides a training run. {@link #defaults} is the published fine-tuning recipe (SGD,
 * momentum 0.9, weight decay 1e-4, cosine schedule) with two deliberate changes: fewer epochs, which
 * Fashion-MNIST needs, and Nesterov momentum, which Mitosis uses by default ({@code --no-nesterov}
 * gives the published plain momentum). Build variations with {@link #toBuilder}.
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
        return toBuilder().epochs(newEpochs).build();
    }

    public TrainConfig withLr(double newLr) {
        return toBuilder().lr(newLr).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Named setters over a starting config; {@link #build} validates. */
    public static final class Builder {
        private int epochs;
        private int batchSize;
        private double lr;
        private LrSchedule schedule;
        private double momentum;
        private boolean nesterov;
        private double weightDecay;
        private double labelSmoothing;
        private boolean augment;
        private long seed;

        private Builder(TrainConfig c) {
            epochs = c.epochs;
            batchSize = c.batchSize;
            lr = c.lr;
            schedule = c.schedule;
            momentum = c.momentum;
            nesterov = c.nesterov;
            weightDecay = c.weightDecay;
            labelSmoothing = c.labelSmoothing;
            augment = c.augment;
            seed = c.seed;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder lr(double v) {
            lr = v;
            return this;
        }

        public Builder schedule(LrSchedule v) {
            schedule = v;
            return this;
        }

        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        public Builder nesterov(boolean v) {
            nesterov = v;
            return this;
        }

        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        public Builder labelSmoothing(double v) {
            labelSmoothing = v;
            return this;
        }

        public Builder augment(boolean v) {
            augment = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public TrainConfig build() {
            return new TrainConfig(epochs, batchSize, lr, schedule, momentum, nesterov, weightDecay, labelSmoothing,
                    augment, seed);
        }
    }
}
