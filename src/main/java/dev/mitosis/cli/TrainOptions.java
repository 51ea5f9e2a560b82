package dev.mitosis.cli;

import dev.mitosis.train.LrSchedule;
import dev.mitosis.train.TrainConfig;
import picocli.CommandLine.Option;

/** Optimizer and schedule options of every command that trains. */
public final class TrainOptions {

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.05",
            description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--schedule", paramLabel = "S", defaultValue = "cosine",
            description = "cosine, step or constant (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--step-every", paramLabel = "E", defaultValue = "30",
            description = "Step schedule: epochs between decays (default: ${DEFAULT-VALUE}).")
    int stepEvery;

    @Option(names = "--step-gamma", paramLabel = "G", defaultValue = "0.1",
            description = "Step schedule: decay factor (default: ${DEFAULT-VALUE}).")
    double stepGamma;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--nesterov", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Nesterov momentum (default: on).")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "1e-4",
            description = "Weight decay on conv and linear weights (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--label-smoothing", paramLabel = "E", defaultValue = "0",
            description = "Label smoothing (default: ${DEFAULT-VALUE}).")
    double labelSmoothing;

    @Option(names = "--augment", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Random crop and flip where the dataset allows (default: on).")
    boolean augment;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed for shuffling and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    public TrainConfig config() {
        LrSchedule.Kind kind = LrSchedule.Kind.parse(schedule);
        return new TrainConfig(epochs, batch, lr, new LrSchedule(kind, stepEvery, stepGamma), momentum, nesterov,
                weightDecay, labelSmoothing, augment, seed);
    }
}
