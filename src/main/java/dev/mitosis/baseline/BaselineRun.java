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
    private final Device device;
    private final GrowthListener listener;
    private final BooleanSupplier cancelled;

    private BaselineRun(RunStore store, StoredRun stored, Finetuner finetuner, Device device,
                        GrowthListener listener, BooleanSupplier cancelled) {
        this.store = store;
        this.stored = stored;
        this.finetuner = finetuner;
        this.device = device;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * Takes the run's lock (or fails with the store's one line naming the holder) and reads it back.
     *
     * @param listener where every baseline trained through it reports: progress, epochs, stored candidates
     * @param cancelled polled before every batch; true stops the baseline with a CancellationException
     */
    public static BaselineRun open(Path run, Device device, GrowthListener listener, BooleanSupplier cancelled) {
        RunStore store = RunStore.openForWriting(run);
        try {
            StoredRun stored = StoredRun.read(store, DataSources.system());
            return new BaselineRun(store, stored,
                    new Finetuner(stored.data(), stored.normalization(), device, store, listener, cancelled), device,
                    listener, cancelled);
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
                                         UnaryOperator<TrainConfig> training) {
        TrainConfig config = training.apply(TrainConfig.defaults().withEpochs(stored.epochBudget()));
        return UniformBaseline.run(finetuner, stored.seedModel().spec(), multipliers, profile, config, config.seed(),
                listener);
    }

    /** One chain of random splits per seed, matched to the run's grown rounds and fine-tuned like them. */
    public List<CandidateRecord> random(List<Long> seeds) {
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

    /** {@code given}, or when empty the MACs of the run's grown candidates (AutoSlim's default targets). */
    public List<Long> autoslimTargets(List<Long> given) {
        List<Long> goals = given.isEmpty() ? grownMacs(store) : given;
        if (goals.isEmpty()) {
            throw new BadInputException(store.directory() + ": the run has no grown candidates to take MAC targets"
                    + " from; give --targets");
        }
        return goals;
    }

    /** The same read from a store alone (for a dialog). */
    public static List<Long> grownMacs(RunStore store) {
        return StoredRun.grown(store).stream().map(CandidateRecord::macs).distinct().sorted().toList();
    }

    /**
     * AutoSlim's settings for this run where the user gave none: the published groups and sandwich size, a
     * supernet 1.5× as wide as the largest target needs, the run's epoch budget for the supernet, and a
     * held-out part of a tenth of the training set (at most 2,500 images).
     */
    public AutoSlimBaseline.Options autoslimDefaults(List<Long> targets) {
        int train = stored.data().train().size();
        return new AutoSlimBaseline.Options(AutoSlimBaseline.defaultSupernetWidth(stored.seedModel().spec(), targets),
                AutoSlimBaseline.Options.PUBLISHED_GROUPS, AutoSlimBaseline.Options.PUBLISHED_SANDWICH,
                stored.epochBudget(), Math.max(1, Math.min(2500, train / 10)), Math.min(1024, train / 2), true);
    }

    /**
     * AutoSlim for {@code targets} (see {@link #autoslimTargets}): the supernet trains with
     * {@code training} applied to the defaults, and every configuration found is retrained from scratch
     * for the run's epoch budget as the uniform baseline is. {@code restart} discards a stored search first;
     * {@code resume} continues it.
     */
    public List<CandidateRecord> autoslim(List<Long> targets, AutoSlimBaseline.Options options,
                                          UnaryOperator<TrainConfig> training, boolean resume, boolean restart) {
        List<Long> goals = autoslimTargets(targets);
        if (restart) {
            AutoSlimBaseline.discardSearch(store);
        }
        TrainConfig retrain = training.apply(TrainConfig.defaults().withEpochs(stored.epochBudget()));
        TrainConfig supernet = retrain.withEpochs(options.supernetEpochs());
        return new AutoSlimBaseline(store, finetuner, stored.data().train(), stored.normalization(), device, listener,
                cancelled).run(stored.seedModel().spec(), goals, options, supernet, retrain, resume);
    }

    @Override
    public void close() {
        store.close();
    }
}
