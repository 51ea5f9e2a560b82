package dev.mitosis.app.workspace;

import dev.mitosis.run.CandidateRecord;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's accuracy–MACs reasoning ({@link dev.mitosis.run.Frontier}) over the explorer's rows:
 * drafts and candidates without an accuracy never count.
 */
public final class Frontier {

    private Frontier() {
    }

    /** The most accurate evaluated candidate with at most {@code budget} MACs (fewer MACs on a tie). */
    public static Optional<CandidateEntry> bestUnder(List<CandidateEntry> candidates, long budget) {
        Map<CandidateRecord, CandidateEntry> byRecord = index(candidates);
        return dev.mitosis.run.Frontier.bestUnder(List.copyOf(byRecord.keySet()), budget).map(byRecord::get);
    }

    /** The Pareto-optimal evaluated candidates, by increasing MACs. */
    public static List<CandidateEntry> pareto(List<CandidateEntry> candidates) {
        Map<CandidateRecord, CandidateEntry> byRecord = index(candidates);
        return dev.mitosis.run.Frontier.line(List.copyOf(byRecord.keySet())).stream().map(byRecord::get).toList();
    }

    private static Map<CandidateRecord, CandidateEntry> index(List<CandidateEntry> candidates) {
        Map<CandidateRecord, CandidateEntry> byRecord = new IdentityHashMap<>();
        for (CandidateEntry c : candidates) {
            if (c.evaluated()) {
                byRecord.put(c.record(), c);
            }
        }
        return byRecord;
    }
}
