package dev.mitosis.train;

import dev.mitosis.data.Batch;
import dev.mitosis.data.Batches;
import dev.mitosis.data.Dataset;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.StepResult;
import dev.mitosis.engine.Trainer;
import java.util.List;

/** Loss and accuracy of a network on a dataset, BN in inference mode, no augmentation. */
public record Evaluation(double loss, double accuracy, int images) {

    public static final int BATCH = 256;

    public static Evaluation of(Network network, Dataset data, Normalization normalization) {
        double loss = 0;
        long correct = 0;
        int n = 0;
        for (Batch b : Batches.evaluation(data, normalization, BATCH).epoch(0)) {
            StepResult r = Trainer.evaluate(network, b.images(), b.labels(), b.size());
            loss += r.lossSum();
            correct += r.correct();
            n += r.size();
        }
        return new Evaluation(loss / n, (double) correct / n, n);
    }

    /**
     * The test score after a training: its last epoch's evaluation, or the network evaluated now when it
     * trained for no epoch.
     */
    public static Evaluation afterTraining(Network network, List<EpochMetrics> history, Dataset test,
                                           Normalization normalization) {
        if (history.isEmpty()) {
            return of(network, test, normalization);
        }
        EpochMetrics last = history.get(history.size() - 1);
        return new Evaluation(last.testLoss(), last.testAccuracy(), test.size());
    }
}
