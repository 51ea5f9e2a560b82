package dev.mitosis.engine;

/** Outcome of one batch: summed loss, number of correct predictions and batch size. */
public record StepResult(double lossSum, int correct, int size) {

    public double meanLoss() {
        return lossSum / size;
    }

    public boolean finite() {
        return Double.isFinite(lossSum);
    }
}
