package dev.mitosis.cli;

import java.util.Arrays;

/** Times repeated work in rounds and reports the median, which resists a noisy machine. */
final class Stopwatch {

    private Stopwatch() {
    }

    /** Seconds per round of {@code steps} calls of {@code work}, after {@code warmup} untimed calls. */
    static double[] rounds(Runnable work, int warmup, int steps, int rounds) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] seconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                work.run();
            }
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        return seconds;
    }

    /**
     * Seconds per round of {@code steps} calls of each piece of work, after {@code warmup} untimed calls of
     * each: the rounds alternate between the pieces, so that drift in the machine's speed hits all alike.
     * Result [piece][round].
     */
    static double[][] interleaved(int warmup, int steps, int rounds, Runnable... work) {
        for (Runnable w : work) {
            rounds(w, warmup, 0, 0);
        }
        double[][] seconds = new double[work.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < work.length; i++) {
                seconds[i][r] = rounds(work[i], 0, steps, 1)[0];
            }
        }
        return seconds;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
