package dev.mitosis.train;

/** One finished epoch: training loss and accuracy (over the epoch) and held-out loss and accuracy. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double lr, double seconds, long images) {
}
