package dev.mitosis.grow;

import java.util.LinkedHashMap;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import ai.djl.Device;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.Network;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.store.RunStore;
import dev.mitosis.train.DivergedException;
import dev.mitosis.train.EpochMetrics;
import dev.mitosis.train.Evaluation;
import dev.mitosis.train.TrainConfig;
import dev.mitosis.train.Training;
import dev.mitosis.train.TrainingListener;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Trains a candidate on the engine thread and stores it: the part every way of making candidates shares
 * (growth rounds, retraining, baselines). Epoch metrics go to the run store and to the listener as they
 * finish. A NaN or infinite loss rolls the attempt back and retries once from the same starting weights
 * at half the learning rate; a second divergence throws.
 */
public final class Finetuner {

    private static final long THROTTLE_NANOS = 100_000_000L;

    /** Where a phase's progress goes: the fraction of the phase and the current loss. */
    @FunctionalInterface
    public interface ProgressSink {
        void progress(double fraction, double loss);
    }

    /** A model after training and its test score. */
    public record Trained(Model model, Evaluation test) {
    }

    private final DataSplit data;
    private final Normalization normalization;
    private final Device device;
    private final RunStore store;
    private final GrowthListener listener;
    private final BooleanSupplier cancelled;
    private long lastProgress;

    public Finetuner(DataSplit data, Normalization normalization, Device device, RunStore store,
                     GrowthListener listener, BooleanSupplier cancelled) {
        this.data = data;
        this.normalization = normalization;
        this.device = device;
        this.store = store;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * Trains {@code start}; its epochs are stored under {@code stream} (see {@link RunStore#epochs}).
     */
    public Trained train(int round, String stream, Model start, TrainConfig train, ProgressSink sink) {
        TrainConfig attempt = train;
        for (int tries = 0; ; tries++) {
            try (Network net = Network.load(start, device)) {
                List<EpochMetrics> history = Training.run(net, data, normalization, attempt,
                        listener(round, stream, attempt.epochs(), sink));
                Evaluation test = Evaluation.afterTraining(net, history, data.test(), normalization);
                return new Trained(net.model(), test);
            } catch (DivergedException e) {
                store.discardEpochs(round, stream);
                if (tries >= 1) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "round %d (%s): training diverged twice"
                            + " (NaN/Inf loss, last at lr %.4g); stopping after round %d", round, stream, attempt.lr(),
                            round - 1));
                }
                attempt = attempt.withLr(attempt.lr() / 2);
                listener.on(new GrowthEvent.RoundRetried(round, e.getMessage(), attempt.lr()));
            }
        }
    }

    /** Evaluates a model as it is (a seed) on the test set. */
    public Evaluation evaluate(Model model) {
        try (Network net = Network.load(model, device)) {
            return Evaluation.of(net, data.test(), normalization);
        }
    }

    /** Stores a trained candidate with its training record and reports it. */
    public CandidateRecord store(long parentId, int round, Method method, String label, Model model, Evaluation test,
                                 int epochs, double seconds) {
        return store(parentId, round, method, label, model, test, epochs, seconds, Map.of());
    }

    /** The same with more files in the candidate's directory, e.g. how a baseline found it. */
    public CandidateRecord store(long parentId, int round, Method method, String label, Model model, Evaluation test,
                                 int epochs, double seconds, Map<String, String> extraFiles) {
        Map<String, String> files = new LinkedHashMap<>(extraFiles);
        files.put(TrainingRecord.FILE, new TrainingRecord(data.train().name(), normalization,
                epochs, test.accuracy(), test.loss(), "mitosis " + method.id()).toJson());
        CandidateRecord record = store.addCandidate(parentId, round, method, label, model, test.accuracy(), test.loss(),
                seconds, files);
        listener.on(new GrowthEvent.CandidateStored(record));
        return record;
    }

    private TrainingListener listener(int round, String stream, int epochs, ProgressSink sink) {
        return new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int batch, int batches, double loss) {
                long now = System.nanoTime();
                if (now - lastProgress >= THROTTLE_NANOS) {
                    lastProgress = now;
                    sink.progress((epoch + (batch + 1.0) / batches) / Math.max(1, epochs), loss);
                }
            }

            @Override
            public void epochFinished(EpochMetrics metrics) {
                store.addEpoch(round, stream, metrics);
                listener.on(new GrowthEvent.EpochFinished(round, epochs, metrics));
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
