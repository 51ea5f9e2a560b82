package dev.mitosis.train;

import dev.mitosis.data.Augmentation;
import dev.mitosis.data.Batch;
import dev.mitosis.data.Batches;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.StepResult;
import dev.mitosis.engine.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/** Epochs of SGD over a training set, each followed by an evaluation on the test set. */
public final class Training {

    private Training() {
    }

    /**
     * Trains {@code network} in place and returns the metrics per epoch.
     *
     * @throws DivergedException when a batch loss is NaN or infinite (no update is applied for it)
     * @throws CancellationException when the listener asks to stop (checked before every batch)
     */
    public static List<EpochMetrics> run(Network network, DataSplit data, Normalization normalization,
                                         TrainConfig config, TrainingListener listener) {
        Augmentation augmentation = config.augment() ? Augmentation.defaultFor(data.train()) : Augmentation.none();
        Batches batches = new Batches(data.train(), normalization,
                new Batches.Options(config.batchSize(), true, true, config.seed(), augmentation));
        long totalSteps = (long) config.epochs() * batches.batchesPerEpoch();
        long step = 0;
        List<EpochMetrics> history = new ArrayList<>();
        try (Trainer trainer = new Trainer(network, config.optimizer())) {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                long start = System.nanoTime();
                double lossSum = 0;
                long correct = 0;
                long seen = 0;
                double lr = 0;
                int index = 0;
                for (Batch b : batches.epoch(epoch)) {
                    if (listener.cancelled()) {
                        throw new CancellationException("training cancelled");
                    }
                    lr = config.schedule().at(config.lr(), epoch, step++, totalSteps);
                    StepResult r = trainer.step(b.images(), b.labels(), b.size(), lr);
                    if (!r.finite()) {
                        throw new DivergedException(epoch, index, r.meanLoss());
                    }
                    lossSum += r.lossSum();
                    correct += r.correct();
                    seen += r.size();
                    listener.batchFinished(epoch, index++, batches.batchesPerEpoch(), r.meanLoss());
                }
                Evaluation test = Evaluation.of(network, data.test(), normalization);
                EpochMetrics m = new EpochMetrics(epoch + 1, lossSum / seen, (double) correct / seen, test.loss(),
                        test.accuracy(), lr, (System.nanoTime() - start) / 1e9, seen);
                history.add(m);
                listener.epochFinished(m);
            }
        }
        return history;
    }
}
