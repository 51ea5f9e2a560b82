package dev.mitosis.train;

/**
 * Progress of a training run, called on the thread that trains. {@link #cancelled} is polled before
 * every batch, so a cancel takes effect within one batch.
 */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() { };

    default void batchFinished(int epoch, int batch, int batches, double loss) {
    }

    default void epochFinished(EpochMetrics metrics) {
    }

    default boolean cancelled() {
        return false;
    }
}
