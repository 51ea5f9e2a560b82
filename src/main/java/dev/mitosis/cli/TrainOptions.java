package dev.mitosis.cli;

import dev.mitosis.train.LrSchedule;
import dev.mitosis.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * Optimizer and schedule options of every command that trains. Options left out keep the command's
 * defaults ({@link TrainConfig#defaults} for train, shorter fine-tuning for grow), which a resumed run
 * takes from its store.
 */
public final class TrainOptions {

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (train: 10; grow: fine-tune epochs per round, 3).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: 64).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "LR", description = "Initial learning rate (train: 0.05; grow: 0.02).")
    Double lr;

    @Option(names = "--schedule", paramLabel = "S", completionCandidates = Choices.Schedules.class,
            description = "${COMPLETION-CANDIDATES} (default: cosine).")
    LrSchedule.Kind schedule;

    @Option(names = "--step-every", paramLabel = "E", description = "Step schedule: epochs between decays (default: 30).")
    Integer stepEvery;

    @Option(names = "--step-gamma", paramLabel = "G", description = "Step schedule: decay factor (default: 0.1).")
    Double stepGamma;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum (default: 0.9).")
    Double momentum;

    @Option(names = "--nesterov", negatable = true, fallbackValue = "true", description = "Nesterov momentum (default: on).")
    Boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "WD",
            description = "Weight decay on conv and linear weights (default: 1e-4).")
    Double weightDecay;

    @Option(names = "--label-smoothing", paramLabel = "E", description = "Label smoothing (default: 0).")
    Double labelSmoothing;

    @Option(names = "--augment", negatable = true, fallbackValue = "true",
            description = "Random crop and flip where the dataset allows (default: on).")
    Boolean augment;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for shuffling, augmentation and probing (default: 1).")
    Long seed;

    /** {@code base} with every option given on the command line applied. */
    public TrainConfig config(TrainConfig base) {
        LrSchedule s = base.schedule();
        LrSchedule.Kind kind = or(schedule, s.kind());
        boolean newStep = kind == LrSchedule.Kind.STEP && s.kind() != kind;
        LrSchedule step = LrSchedule.step();
        LrSchedule lrSchedule = new LrSchedule(kind, or(stepEvery, newStep ? step.stepEvery() : s.stepEvery()),
                or(stepGamma, newStep ? step.stepGamma() : s.stepGamma()));
        return new TrainConfig(or(epochs, base.epochs()), or(batch, base.batchSize()), or(lr, base.lr()), lrSchedule,
                or(momentum, base.momentum()), or(nesterov, base.nesterov()), or(weightDecay, base.weightDecay()),
                or(labelSmoothing, base.labelSmoothing()), or(augment, base.augment()), or(seed, base.seed()));
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
