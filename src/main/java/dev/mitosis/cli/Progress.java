package dev.mitosis.cli;

import dev.mitosis.text.Formats;
import dev.mitosis.train.EpochMetrics;
import dev.mitosis.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/**
 * Training progress: on a terminal a progress bar per epoch (with ETA and the current loss) on
 * stderr; otherwise nothing per batch. Epoch summaries are printed as plain lines either way, unless
 * the output is JSON.
 */
final class Progress implements TrainingListener, AutoCloseable {

    private final PrintWriter out;
    private final boolean lines;
    private final String label;
    private final int epochs;
    private ProgressBar current;

    Progress(PrintWriter out, boolean json, String label, int epochs) {
        this.out = out;
        this.lines = !json;
        this.label = label;
        this.epochs = epochs;
    }

    @Override
    public void batchFinished(int epoch, int batch, int batches, double loss) {
        if (current == null) {
            current = TerminalBar.open(String.format(Locale.ROOT, "%s %d/%d", label, epoch + 1, epochs), batches, true)
                    .orElse(null);
            if (current == null) {
                return;
            }
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
                Formats.duration(m.seconds()), m.images() / m.seconds());
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
