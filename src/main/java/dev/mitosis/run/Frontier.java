package dev.mitosis.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The accuracy–MACs trade-off over candidates: who is on the Pareto front, and the best under a budget. */
public final class Frontier {

    private Frontier() {
    }

    /**
     * For each candidate, whether no other candidate has at most its MACs and at least its accuracy with
     * one of the two strictly better.
     */
    public static boolean[] pareto(List<CandidateRecord> candidates) {
        boolean[] front = new boolean[candidates.size()];
        for (int i = 0; i < front.length; i++) {
            CandidateRecord c = candidates.get(i);
            front[i] = candidates.stream().noneMatch(o -> o.macs() <= c.macs() && o.accuracy() >= c.accuracy()
                    && (o.macs() < c.macs() || o.accuracy() > c.accuracy()));
        }
        return front;
    }

    /** The Pareto-optimal candidates, by increasing MACs: the frontier line. */
    public static List<CandidateRecord> line(List<CandidateRecord> candidates) {
        boolean[] front = pareto(candidates);
        List<CandidateRecord> out = new ArrayList<>();
        for (int i = 0; i < front.length; i++) {
            if (front[i]) {
                out.add(candidates.get(i));
            }
        }
        out.sort(Comparator.comparingLong(CandidateRecord::macs).thenComparingDouble(CandidateRecord::accuracy));
        return out;
    }

    /** The most accurate candidate with at most {@code budget} MACs (the fewer MACs on a tie). */
    public static Optional<CandidateRecord> bestUnder(List<CandidateRecord> candidates, long budget) {
        return candidates.stream().filter(c -> c.macs() <= budget)
                .max(Comparator.comparingDouble(CandidateRecord::accuracy)
                        .thenComparing(Comparator.comparingLong(CandidateRecord::macs).reversed()));
    }
}
