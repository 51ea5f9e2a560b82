package dev.mitosis.app.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Accuracy-versus-MACs reasoning over candidates: the best one under a MAC budget and the Pareto
 * front. Pure functions; drafts and candidates without an accuracy never count.
 */
public final class Frontier {

    /** Higher accuracy first; at equal accuracy fewer MACs, then the older candidate. */
    private static final Comparator<CandidateEntry> BETTER = Comparator.comparingDouble(CandidateEntry::accuracy)
            .reversed().thenComparingLong(CandidateEntry::macs).thenComparingLong(CandidateEntry::id);

    private Frontier() {
    }

    /** The most accurate evaluated candidate with at most {@code budget} MACs. */
    public static Optional<CandidateEntry> bestUnder(List<CandidateEntry> candidates, long budget) {
        return candidates.stream().filter(CandidateEntry::evaluated).filter(c -> c.macs() <= budget).min(BETTER);
    }

    /**
     * The Pareto front: evaluated candidates that no other beats in both MACs (fewer or equal) and
     * accuracy (higher), sorted by MACs. Equal points keep the first only.
     */
    public static List<CandidateEntry> pareto(List<CandidateEntry> candidates) {
        List<CandidateEntry> sorted = candidates.stream().filter(CandidateEntry::evaluated)
                .sorted(Comparator.comparingLong(CandidateEntry::macs).thenComparing(BETTER)).toList();
        List<CandidateEntry> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (CandidateEntry c : sorted) {
            if (c.accuracy() > best) {
                front.add(c);
                best = c.accuracy();
            }
        }
        return front;
    }
}
