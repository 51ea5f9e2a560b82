package dev.mitosis.baseline;

import dev.mitosis.data.DataSources;
import dev.mitosis.grow.Finetuner;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthListener;
import dev.mitosis.grow.StoredRun;
import dev.mitosis.io.BadInputException;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.store.RunStore;
import dev.mitosis.train.TrainConfig;
import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A run opened for writing and read back, to train baselines into it beside its grown candidates: what
 * {@code mitosis baseline} and the explorer's Baselines dialog share, so that both store the same
 * candidates for the same options. Closing it releases the run's lock.
 */
public final class BaselineRun implements AutoCloseable {

    private final RunStore store;
    private final StoredRun stored;
    private final Finetuner finetuner;

    private BaselineRun(RunStore store, StoredRun stored, Finetuner finetuner) {
        this.store = store;
        this.stored = stored;
        this.finetuner = finetuner;
    }

    /**
     * Takes the run's lock (or fails with the store's one line naming the holder) and reads it back.
     *
     * @param cancelled polled before every batch; true stops the baseline with a CancellationException
     */
    public static BaselineRun open(Path run, Device device, GrowthListener listener, BooleanSupplier cancelled) {
        RunStore store = RunStore.openForWriting(run);
        try {
            StoredRun stored = StoredRun.read(store, DataSources.system());
            return new BaselineRun(store, stored,
                    new Finetuner(stored.data(), stored.normalization(), device, store, listener, cancelled));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public StoredRun stored() {
        return stored;
    }

    /**
     * Uniform networks trained from scratch for the run's epoch budget ({@link StoredRun#epochBudget}),
     * with {@code training} applied to the defaults (the CLI's training options; identity for none).
     */
    public List<CandidateRecord> uniform(List<Double> multipliers, UniformBaseline.Profile profile,
                                         UnaryOperator<TrainConfig> training, GrowthListener listener) {
        TrainConfig config = training.apply(TrainConfig.defaults().withEpochs(stored.epochBudget()));
        return UniformBaseline.run(finetuner, stored.seedModel().spec(), multipliers, profile, config, config.seed(),
                listener);
    }

    /** One chain of random splits per seed, matched to the run's grown rounds and fine-tuned like them. */
    public List<CandidateRecord> random(List<Long> seeds, GrowthListener listener) {
        List<CandidateRecord> rounds = StoredRun.grown(store);
        if (rounds.isEmpty()) {
            throw new BadInputException(store.directory() + ": the run has no grown candidates to match yet");
        }
        GrowthConfig g = stored.config().growth();
        List<CandidateRecord> out = new ArrayList<>();
        for (long s : seeds) {
            out.addAll(RandomSplitBaseline.run(finetuner, stored.seedModel(), stored.seed().id(), rounds, g.fineTune(),
                    g.epsilon(), s, listener));
        }
        return out;
    }

    @Override
    public void close() {
        store.close();
    }
}
