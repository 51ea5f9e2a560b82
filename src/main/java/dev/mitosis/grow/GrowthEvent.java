package dev.mitosis.grow;

import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.train.EpochMetrics;
import java.util.List;

/**
 * What a growth session reports, in order: per round RoundStarted, ProbeProgress…, SelectionMade,
 * Progress/EpochFinished…, CandidateStored; at the end Finished, Cancelled or Failed. Every event is an
 * snapshot with no NDArrays and may be kept by a listener on another thread. Records copy their lists;
 * the arrays inside ({@code ProbeProgress.lambdaMin}, the {@link LayerSnapshot}s) are not copied again:
 * the session hands over arrays it made for the event and never writes afterwards, so listeners must
 * treat them as read-only.
 */
public sealed interface GrowthEvent {

    /** The round about to run (1-based) and the candidate it grows from. */
    record RoundStarted(int round, int rounds, CandidateRecord parent) implements GrowthEvent {
    }

    /** Probe progress: fraction in [0, 1] of the probe and the current λ_min estimates per layer. */
    record ProbeProgress(int round, double fraction, List<String> layerKeys, List<double[]> lambdaMin)
            implements GrowthEvent {
    }

    /** The probe's final estimates and the selection made from them. */
    record SelectionMade(int round, List<LayerSnapshot> layers, long macsBefore, long macsAfter, int neuronsAdded,
                         String strategy, String note) implements GrowthEvent {
    }

    /** Overall progress for a status bar: phase ("probe", "fine-tune", "evaluate"), fraction and ETA. */
    record Progress(int round, String phase, double fraction, double etaSeconds, double loss) implements GrowthEvent {
    }

    /** A fine-tuning epoch finished. */
    record EpochFinished(int round, int epochs, EpochMetrics metrics) implements GrowthEvent {
    }

    /** A candidate was written to the run store. */
    record CandidateStored(CandidateRecord candidate) implements GrowthEvent {
    }

    /** A round was rolled back (NaN loss) and is retried with a smaller learning rate. */
    record RoundRetried(int round, String reason, double newLr) implements GrowthEvent {
    }

    /** Something the user should know that does not stop the work: a search result, a training step skipped. */
    record Note(int round, String message) implements GrowthEvent {
    }

    record Finished(List<CandidateRecord> candidates, String summary) implements GrowthEvent {
    }

    record Cancelled(int round) implements GrowthEvent {
    }

    /**
     * @param badInput whether the cause was the input (a setting, the data, a budget no neuron fits) rather
     *     than a fault, so that the CLI can exit with its bad-input code
     */
    record Failed(int round, String message, boolean badInput) implements GrowthEvent {
    }
}
