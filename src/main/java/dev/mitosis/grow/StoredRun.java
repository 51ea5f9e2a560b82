package dev.mitosis.grow;

import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.io.BadInputException;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunStore;
import java.nio.file.Path;
import java.util.List;

/**
 * A run read back to grow it further or to train baselines into it: its config, its data (loaded again
 * from where the config says), its seed candidate and the input normalisation the seed's weights expect.
 *
 * @param seedEpochs epochs the seed had been trained for before growth (its training.json; 0 unknown)
 */
public record StoredRun(RunConfig config, DataSplit data, CandidateRecord seed, Model seedModel,
                        Normalization normalization, int seedEpochs) {

    public static StoredRun read(RunStore store, DataSources sources) {
        Path dir = store.directory();
        RunConfig config = RunConfig.of(store);
        DataSplit data = config.subset().apply(sources.load(config.data(), config.dataDir().map(Path::of)));
        CandidateRecord seed = store.seedCandidate().orElseThrow(() -> new BadInputException(dir + ": the run has no seed candidate yet; start it again"
                        + " without --resume"));
        var record = TrainingRecord.read(store.modelDirectory(seed));
        return new StoredRun(config, data, seed, store.loadModel(seed), record.map(TrainingRecord::normalization)
                .orElseGet(() -> Normalization.of(data.train())), record.map(TrainingRecord::epochs).orElse(0));
    }

    /** Epochs a grown candidate of the last round has had in total: the seed's plus each round's. */
    public int epochBudget() {
        return epochBudget(config, seedEpochs);
    }

    /**
     * The same budget read from the store alone, without loading the data (for a dialog that shows it
     * before anything trains); 0 seed epochs while the run has no seed.
     */
    public static int epochBudget(RunStore store) {
        return epochBudget(RunConfig.of(store), store.seedCandidate().map(store::lineageEpochs).orElse(0));
    }

    private static int epochBudget(RunConfig config, int seedEpochs) {
        return seedEpochs + config.growth().rounds() * config.growth().fineTune().epochs();
    }

    /** The run's grown candidates, one per round, in round order. */
    public static List<CandidateRecord> grown(RunStore store) {
        return store.candidates().stream().filter(c -> c.method() == Method.SPLIT).toList();
    }
}
