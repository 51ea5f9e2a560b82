package dev.mitosis.app.workspace;

import dev.mitosis.data.Normalization;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.SpecCodec;
import dev.mitosis.store.RunStore;
import dev.mitosis.train.EpochMetrics;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;

/**
 * A run directory: its {@link RunStore} and all its candidates. The store is thread-safe, so the
 * explorer reads it while a growth session writes it.
 */
public final class RunDocument implements Document {

    private final RunStore store;
    /** Read once: a run's config never changes after the run is created. */
    private volatile RunConfig config;

    public RunDocument(RunStore store) {
        this.store = store;
    }

    public RunStore store() {
        return store;
    }

    /** The run's stored config (read from the store the first time; off the FX thread). */
    public RunConfig config() {
        RunConfig c = config;
        if (c == null) {
            c = RunConfig.of(store);
            config = c;
        }
        return c;
    }

    /** All stored candidates with their specs (reads each candidate's model.json). */
    public List<CandidateEntry> entries() {
        return store.candidates().stream().map(this::entry).toList();
    }

    public CandidateEntry entry(CandidateRecord c) {
        return new CandidateEntry(c, spec(c), false);
    }

    public NetworkSpec spec(CandidateRecord c) {
        return SpecCodec.read(store.modelDirectory(c).resolve(dev.mitosis.model.ModelDirectory.SPEC_FILE));
    }

    @Override
    public String title() {
        return "run " + store.directory().getFileName();
    }

    @Override
    public Model loadModel(CandidateRecord candidate) {
        return store.loadModel(candidate);
    }

    @Override
    public Optional<Normalization> normalization(CandidateRecord candidate) {
        return training(candidate).map(TrainingRecord::normalization);
    }

    /** The candidate's training.json, else the nearest ancestor's (all candidates of a run share one). */
    private Optional<TrainingRecord> training(CandidateRecord candidate) {
        CandidateRecord c = candidate;
        for (int hops = 0; c != null && hops < 10_000; hops++) {
            Optional<TrainingRecord> t = TrainingRecord.read(store.modelDirectory(c));
            if (t.isPresent()) {
                return t;
            }
            long parent = c.parentId();
            c = parent == 0 ? null : store.candidate(parent).orElse(null);
        }
        return store.candidates().stream().findFirst().flatMap(first -> TrainingRecord.read(store.modelDirectory(first)));
    }

    @Override
    public Optional<TrainingRecord> trainingRecord(CandidateRecord candidate) {
        return TrainingRecord.read(store.modelDirectory(candidate));
    }

    @Override
    public OptionalInt testImages() {
        int images = config().subset().testImages();
        return images > 0 ? OptionalInt.of(images) : OptionalInt.empty();
    }

    @Override
    public int totalEpochs(CandidateRecord candidate) {
        return store.lineageEpochs(candidate);
    }

    @Override
    public List<LayerSnapshot> neuronStats(CandidateRecord candidate) {
        return candidate.round() == 0 ? List.of() : store.neuronStats(candidate.round(), candidate.method());
    }

    @Override
    public List<EpochMetrics> epochs(int round, String method) {
        return store.epochs(round, method);
    }

    @Override
    public String strategy() {
        try {
            return config().growth().strategy().id();
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
