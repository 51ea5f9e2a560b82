package dev.mitosis.store;

import dev.mitosis.net.SpecCodec;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Frontier;
import dev.mitosis.run.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of a run library: where the run is, what it grew from, how far it got and where it stands.
 *
 * @param seedName the seed's network name (its model.json); empty when the run has no seed or it cannot be read
 * @param seedMacs MACs of the seed candidate; 0 when the run has none yet
 * @param rounds the highest growth round stored
 * @param best the most accurate evaluated candidate, if any
 * @param lastChange when the last candidate was stored (the run's creation time when none)
 */
public record RunSummary(Path directory, RunState state, int candidates, String seedName, long seedMacs, int rounds,
                         Optional<CandidateRecord> best, Instant lastChange) {

    static RunSummary of(RunStore store, Instant created) {
        List<CandidateRecord> all = store.candidates();
        Optional<CandidateRecord> seed = all.stream().filter(c -> c.method() == Method.SEED).findFirst();
        int rounds = all.stream().filter(c -> c.method() == Method.SPLIT).mapToInt(CandidateRecord::round).max()
                .orElse(0);
        Optional<CandidateRecord> best = Frontier.bestUnder(all, Long.MAX_VALUE);
        Instant last = all.stream().map(c -> Instant.ofEpochMilli(c.createdAt())).max(Instant::compareTo)
                .orElse(created);
        return new RunSummary(store.directory(), store.state(), all.size(), seed.map(c -> name(store, c)).orElse(""),
                seed.map(CandidateRecord::macs).orElse(0L), rounds, best, last);
    }

    /** The network's name from a candidate's model.json (a few kilobytes); empty when it cannot be read. */
    private static String name(RunStore store, CandidateRecord c) {
        try {
            return SpecCodec.read(store.modelDirectory(c).resolve(ModelDirectory.SPEC_FILE)).name();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
