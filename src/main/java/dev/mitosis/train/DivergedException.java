package dev.mitosis.train;

/** The training loss became NaN or infinite. */
public class DivergedException extends RuntimeException {

    private final int epoch;
    private final int batch;

    public DivergedException(int epoch, int batch, double loss) {
        super("training diverged: loss " + loss + " in epoch " + (epoch + 1) + ", batch " + (batch + 1));
        this.epoch = epoch;
        this.batch = batch;
    }

    public int epoch() {
        return epoch;
    }

    public int batch() {
        return batch;
    }
}
