package dev.mitosis.cli;

import java.io.PrintStream;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The commands' progress bars: on stderr, so stdout stays clean for lines and JSON, and only on a
 * terminal (redirected output and tests get none).
 */
final class TerminalBar {

    private TerminalBar() {
    }

    /** A bar of {@code max} steps named {@code task}, or empty when stderr is not a terminal. */
    static Optional<ProgressBar> open(String task, long max, boolean showSpeed) {
        if (System.console() == null) {
            return Optional.empty();
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)));
        return Optional.of((showSpeed ? b.showSpeed() : b).build());
    }
}
