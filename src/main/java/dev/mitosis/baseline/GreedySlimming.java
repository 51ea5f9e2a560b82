package dev.mitosis.baseline;

import dev.mitosis.data.Batch;
import dev.mitosis.data.Batches;
import dev.mitosis.data.Dataset;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.SlimmableNetwork;
import dev.mitosis.engine.StepResult;
import dev.mitosis.io.BadInputException;
import dev.mitosis.text.Formats;
import dev.mitosis.train.Evaluation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * AutoSlim's greedy search (Yu &amp; Huang 2019, §3.2): from the supernet's widths, repeatedly take one
 * group of channels from the layer whose loss of it costs the least held-out accuracy, each candidate
 * evaluated with its own recalibrated BN statistics, and record the configuration where the MACs first
 * fall to or below each target. It sees training images only: {@code heldOut} (never trained on by the
 * supernet) to score and {@code calibration} to recalibrate BN; the test set is not a parameter.
 */
public final class GreedySlimming {

    /** Reports the search: the MACs reached so far, and the configuration under test. */
    @FunctionalInterface
    public interface Progress {
        void step(int steps, long macs, double heldOutAccuracy, double fraction);
    }

    /**
     * @param target the MAC budget this configuration was recorded for
     * @param levels its level per splittable layer of the grid
     * @param macs its MACs, at most {@code target}
     * @param heldOutAccuracy its held-out accuracy, BN recalibrated, not retrained
     * @param steps greedy steps from the supernet to it
     * @param previousMacs the MACs one step before, above {@code target} (the supernet's when it fits already)
     */
    public record Found(long target, int[] levels, long macs, double heldOutAccuracy, int steps, long previousMacs) {
        public Found {
            levels = levels.clone();
        }

        @Override
        public int[] levels() {
            return levels.clone();
        }
    }

    private final SlimmableNetwork network;
    private final ChannelGrid grid;
    private final List<Batch> heldOut;
    private final List<Batch> calibration;
    private final BooleanSupplier cancelled;
    private int evaluations;

    public GreedySlimming(SlimmableNetwork network, ChannelGrid grid, Dataset heldOut, Dataset calibration,
                          Normalization normalization, int batchSize, BooleanSupplier cancelled) {
        this.network = network;
        this.grid = grid;
        this.heldOut = materialise(Batches.evaluation(heldOut, normalization, 256));
        this.calibration = materialise(Batches.evaluation(calibration, normalization, batchSize));
        this.cancelled = cancelled;
    }

    private static List<Batch> materialise(Batches batches) {
        List<Batch> out = new ArrayList<>();
        batches.epoch(0).forEach(out::add);
        return out;
    }

    /** Candidate configurations scored so far (each one BN recalibration and one held-out pass). */
    public int evaluations() {
        return evaluations;
    }

    /**
     * Fails with one line when a target cannot be met: above the supernet's MACs (there is nothing to
     * search; a wider supernet is needed) or below the narrowest configuration's.
     */
    public static void checkTargets(ChannelGrid grid, List<Long> targets, String option) {
        long top = grid.macs(grid.largest());
        long bottom = grid.macs(grid.smallest());
        for (long t : targets) {
            if (t > top) {
                throw new BadInputException(option + " " + Formats.count(t) + ": above the supernet's "
                        + Formats.count(top) + " MACs (" + grid.supernet().name() + "); give a larger --supernet-width");
            }
            if (t < bottom) {
                throw new BadInputException(option + " " + Formats.count(t) + ": below the narrowest configuration's "
                        + Formats.count(bottom) + " MACs (every layer at one group of channels)");
            }
        }
    }

    /** The configurations for {@code targets} (any order), largest target first. */
    public List<Found> search(List<Long> targets, Progress progress) {
        checkTargets(grid, targets, "--targets");
        List<Long> remaining = new ArrayList<>(targets);
        remaining.sort(Comparator.reverseOrder());
        List<Found> found = new ArrayList<>();
        int[] levels = grid.largest();
        long macs = grid.macs(levels);
        long start = macs;
        long previous = macs;
        double accuracy = score(levels);
        long lowest = remaining.get(remaining.size() - 1);
        int steps = 0;
        while (!remaining.isEmpty()) {
            while (!remaining.isEmpty() && macs <= remaining.get(0)) {
                found.add(new Found(remaining.remove(0), levels, macs, accuracy, steps, previous));
            }
            if (remaining.isEmpty()) {
                break;
            }
            int[] best = null;
            double bestAccuracy = Double.NEGATIVE_INFINITY;
            long bestMacs = Long.MAX_VALUE;
            for (int l = 0; l < grid.layers(); l++) {
                int[] candidate = grid.shrunk(levels, l);
                if (candidate == null) {
                    continue;
                }
                double a = score(candidate);
                long m = grid.macs(candidate);
                // Ties (common on a small held-out set) go to the larger saving, which reaches the target sooner.
                if (a > bestAccuracy || (a == bestAccuracy && m < bestMacs)) {
                    best = candidate;
                    bestAccuracy = a;
                    bestMacs = m;
                }
            }
            if (best == null) {
                throw new IllegalStateException("every layer is at its narrowest above " + remaining.get(0) + " MACs");
            }
            previous = macs;
            levels = best;
            macs = bestMacs;
            accuracy = bestAccuracy;
            steps++;
            progress.step(steps, macs, accuracy, Math.min(1, (double) (start - macs) / Math.max(1, start - lowest)));
        }
        return found;
    }

    /** Held-out accuracy of a configuration with BN statistics recalibrated on the calibration images. */
    public double score(int[] levels) {
        return evaluate(levels).accuracy();
    }

    /** Held-out loss and accuracy of a configuration, BN recalibrated on the calibration images. */
    public Evaluation evaluate(int[] levels) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("AutoSlim search cancelled");
        }
        evaluations++;
        try (SlimmableNetwork.Calibration stats = network.calibrate(grid.spec(levels))) {
            for (Batch b : calibration) {
                stats.add(b.images(), b.size());
            }
            double loss = 0;
            long correct = 0;
            int n = 0;
            for (Batch b : heldOut) {
                StepResult r = network.evaluate(stats, b.images(), b.labels(), b.size());
                loss += r.lossSum();
                correct += r.correct();
                n += r.size();
            }
            return new Evaluation(loss / n, (double) correct / n, n);
        }
    }
}
