package dev.mitosis.grow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The run's overall fraction and remaining time, for {@link GrowthEvent.Progress}, from what this run
 * has measured: each phase's duration in the last completed round, and the current phase's own pace.
 * Elapsed time since the start is no basis: it includes one-off work (loading, the seed's evaluation)
 * and the probe and fine-tuning run at very different speeds per percent. So there is no ETA (NaN)
 * until a round has completed; the session's clock is a parameter so that the arithmetic can be
 * checked without a real run.
 */
public final class ProgressEstimate {

    public static final String PROBE = "probe";
    public static final String FINE_TUNE = "fine-tune";
    public static final String RETRAIN = "retrain";
    private static final List<String> PHASES = List.of(PROBE, FINE_TUNE, RETRAIN);
    /** Below this share of a phase, its pace so far says little (the first batches warm up). */
    private static final double PACE_BASIS = 0.1;

    private final int rounds;
    private final LongSupplier nanoTime;
    private final Map<String, Double> phases = new HashMap<>();
    private Map<String, Double> lastPhases = Map.of();
    private double lastRound = Double.NaN;
    private int round;
    private long roundStart;
    private String phase;
    private long phaseStart;
    private long lastEvent;

    /** {@code nanoTime} is the clock: {@code System::nanoTime} in a session. */
    public ProgressEstimate(int rounds, LongSupplier nanoTime) {
        this.rounds = rounds;
        this.nanoTime = nanoTime;
    }

    public void roundStarted(int round) {
        this.round = round;
        roundStart = nanoTime.getAsLong();
        phaseStart = roundStart;
        lastEvent = roundStart;
        phase = null;
        phases.clear();
    }

    /** The round's candidate (and its retrained twin) is stored: its durations become the basis. */
    public void roundFinished(int round) {
        closePhase();
        lastPhases = Map.copyOf(phases);
        lastRound = (nanoTime.getAsLong() - roundStart) / 1e9;
    }

    /** Progress of {@code phase} of {@code round}, {@code phaseFraction} in [0, 1] of that phase. */
    public GrowthEvent.Progress phase(int round, String phase, double phaseFraction, double loss) {
        if (round != this.round) {
            roundStarted(round);
        }
        long now = nanoTime.getAsLong();
        if (!phase.equals(this.phase)) {
            closePhase();
            // A phase starts where the one before it reported last: the work in between is its setup.
            phaseStart = this.phase == null ? roundStart : lastEvent;
            this.phase = phase;
        }
        lastEvent = now;
        double f = Math.max(0, Math.min(1, phaseFraction));
        double inRound = (now - roundStart) / 1e9;
        double roundLeft = roundRemaining(f, (now - phaseStart) / 1e9);
        double roundFraction = Double.isNaN(roundLeft) ? assumedRoundFraction(phase, f)
                : inRound + roundLeft > 0 ? inRound / (inRound + roundLeft) : 1;
        double fraction = Math.min(1, (round - 1 + roundFraction) / rounds);
        double eta = roundLeft + Math.max(0, rounds - round) * lastRound;
        return new GrowthEvent.Progress(round, phase, fraction, eta, loss);
    }

    /** Seconds left in the current round; NaN while no round has completed. */
    private double roundRemaining(double f, double inPhase) {
        if (Double.isNaN(lastRound)) {
            return Double.NaN;
        }
        double measured = lastPhases.getOrDefault(phase, Double.NaN);
        double current = f >= PACE_BASIS ? inPhase * (1 - f) / f
                : Double.isNaN(measured) ? Double.NaN : Math.max(0, measured - inPhase);
        double later = 0;
        int at = PHASES.indexOf(phase);
        for (String p : at < 0 ? List.<String>of() : PHASES.subList(at + 1, PHASES.size())) {
            later += lastPhases.getOrDefault(p, 0.0);
        }
        double between = lastRound - lastPhases.values().stream().mapToDouble(Double::doubleValue).sum();
        return current + later + Math.max(0, between);
    }

    /** Before anything is measured, the bar moves by the phases' usual shares of a round. */
    private static double assumedRoundFraction(String phase, double f) {
        return switch (phase) {
            case PROBE -> 0.3 * f;
            case FINE_TUNE -> 0.3 + 0.7 * f;
            default -> 1;
        };
    }

    private void closePhase() {
        if (phase != null) {
            phases.put(phase, (lastEvent - phaseStart) / 1e9);
        }
    }
}
