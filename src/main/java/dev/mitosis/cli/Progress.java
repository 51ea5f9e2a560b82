package dev.mitosis.cli;

import dev.mitosis.train.EpochMetrics;
import dev.mitosis.train.TrainingListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Training progress: on a terminal a progress bar per epoch (with ETA and the current loss) on
 * stderr; otherwise nothing per batch. Epoch summaries are printed as plain lines either way, unless
 * the output is JSON.
 */
final class Progress implements TrainingListener, AutoCloseable {

    private final PrintWriter out;
    private final boolean lines;
    private final boolean bar;
    private final String label;
    private final int epochs;
    private ProgressBar current;

    Progress(PrintWriter out, boolean json, String label, int epochs) {
        this.out = out;
        this.lines = !json;
        this.bar = System.console() != null;
        this.label = label;
        this.epochs = epochs;
    }

    @Override
    public void batchFinished(int epoch, int batch, int batches, double loss) {
        if (!bar) {
            return;
        }
        if (current == null) {
            current = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "%s %d/%d", label, epoch + 1, epochs))
                    .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setConsumer(
                            new me.tongfei.progressbar.ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .setUpdateIntervalMillis(250).showSpeed().build();
        }
        current.stepTo(batch + 1);
        current.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", loss));
    }

    @Override
    public void epochFinished(EpochMetrics m) {
        closeBar();
        if (lines) {
            out.println(line(label, m, epochs));
            out.flush();
        }
    }

    static String line(String label, EpochMetrics m, int epochs) {
        return String.format(Locale.ROOT,
                "%s %d/%d  train loss %.4f acc %.2f%%  test loss %.4f acc %.2f%%  lr %.4g  %s (%.0f img/s)", label,
                m.epoch(), epochs, m.trainLoss(), 100 * m.trainAccuracy(), m.testLoss(), 100 * m.testAccuracy(), m.lr(),
                Format.seconds(m.seconds()), m.images() / m.seconds());
    }

    private void closeBar() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
