package dev.mitosis.cli;

import dev.mitosis.text.Formats;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.GrowthListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/**
 * The grow command's output: on a terminal a progress bar on stderr (overall fraction, ETA, phase and
 * loss); always one plain line per round event on stdout unless the output is JSON.
 */
final class GrowProgress implements GrowthListener, AutoCloseable {

    private static final int STEPS = 1000;
    private final PrintWriter out;
    private final boolean lines;
    private final ProgressBar bar;
    private GrowthEvent end;

    GrowProgress(PrintWriter out, boolean json) {
        this.out = out;
        this.lines = !json;
        this.bar = TerminalBar.open("grow", STEPS, false).orElse(null);
    }

    @Override
    public void on(GrowthEvent event) {
        if (event instanceof GrowthEvent.Progress p) {
            if (bar != null) {
                bar.stepTo(Math.round(p.fraction() * STEPS));
                bar.setExtraMessage(String.format(Locale.ROOT, "round %d %s%s", p.round(), p.phase(),
                        Double.isNaN(p.loss()) ? "" : String.format(Locale.ROOT, " loss %.4f", p.loss())));
            }
            return;
        }
        if (event instanceof GrowthEvent.ProbeProgress) {
            return;
        }
        String line = line(event);
        if (event instanceof GrowthEvent.Finished || event instanceof GrowthEvent.Failed
                || event instanceof GrowthEvent.Cancelled) {
            end = event;
        }
        if (lines && line != null) {
            out.println(line);
            out.flush();
        }
    }

    static String line(GrowthEvent event) {
        if (event instanceof GrowthEvent.RoundStarted r) {
            return String.format(Locale.ROOT, "round %d/%d: growing from %s (%s MACs, %.2f%%)", r.round(), r.rounds(),
                    r.parent().label(), Formats.count(r.parent().macs()), 100 * r.parent().accuracy());
        }
        if (event instanceof GrowthEvent.SelectionMade s) {
            return String.format(Locale.ROOT, "round %d: %s selected %d neurons, %s -> %s MACs%s", s.round(), s.strategy(),
                    s.neuronsAdded(), Formats.count(s.macsBefore()), Formats.count(s.macsAfter()),
                    s.note().isEmpty() ? "" : " (" + s.note() + ")");
        }
        if (event instanceof GrowthEvent.EpochFinished e) {
            return "round " + e.round() + " " + Progress.line("epoch", e.metrics(), e.epochs());
        }
        if (event instanceof GrowthEvent.CandidateStored c) {
            return String.format(Locale.ROOT, "stored %s (%s): %s MACs, %s params, test accuracy %.2f%%, %s",
                    c.candidate().label(), c.candidate().method(), Formats.count(c.candidate().macs()),
                    Formats.count(c.candidate().params()), 100 * c.candidate().accuracy(),
                    Formats.duration(c.candidate().seconds()));
        }
        if (event instanceof GrowthEvent.Note n) {
            return n.message();
        }
        if (event instanceof GrowthEvent.RoundRetried r) {
            return String.format(Locale.ROOT, "round %d rolled back (%s); retrying at lr %.4g", r.round(), r.reason(),
                    r.newLr());
        }
        if (event instanceof GrowthEvent.Finished f) {
            return "finished: " + f.summary();
        }
        if (event instanceof GrowthEvent.Cancelled c) {
            return "cancelled in round " + c.round() + "; the stored rounds are kept (--resume continues)";
        }
        if (event instanceof GrowthEvent.Failed f) {
            return "failed in round " + f.round() + ": " + f.message();
        }
        return null;
    }

    GrowthEvent end() {
        return end;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
