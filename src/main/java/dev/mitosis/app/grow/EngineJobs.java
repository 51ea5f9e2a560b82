package dev.mitosis.app.grow;

import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.baseline.AutoSlimBaseline;
import dev.mitosis.baseline.BaselineRun;
import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.DataSubset;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.engine.Network;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.GrowthSession;
import dev.mitosis.grow.StoredRun;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import dev.mitosis.store.RunStore;
import dev.mitosis.train.EpochMetrics;
import dev.mitosis.train.Evaluation;
import dev.mitosis.train.TrainConfig;
import dev.mitosis.train.Training;
import dev.mitosis.train.TrainingListener;
import dev.mitosis.weights.Initializer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs beyond a growth from a seed, each what its command does, on the engine thread: resume and
 * branch ({@code grow --resume [--from]}), the baselines ({@code baseline uniform|random}) and a
 * training ({@code train}). Jobs on a run write it through a store of their own, opened for writing
 * (the explorer's reader store takes no lock, so it does not block them), and their candidates join the
 * open document as they are stored.
 */
public final class EngineJobs {

    private EngineJobs() {
    }

    /** Continues the open run after its last stored round, as {@code grow --resume} does. */
    public static Job resume(RunDocument run) {
        return new Job("Resume", 0, "Opening " + run.title() + " for writing…", run,
                (sink, cancel) -> grow(run, 0, 0, null, sink, cancel));
    }

    /**
     * Grows {@code rounds} more rounds of the open run from its candidate {@code from}, in the same run, as
     * {@code grow --resume --from} does: with the run's stored settings, on {@code device}.
     */
    public static Job branch(RunDocument run, long from, int rounds, DeviceChoice device) {
        return new Job("Growth", rounds, "Opening " + run.title() + " for writing…", run,
                (sink, cancel) -> grow(run, from, rounds, device, sink, cancel));
    }

    /**
     * A resume (from 0) or a branch, with the stored config (on another device when given; the only
     * setting besides the rounds that a resumed run may change): the session finds where to continue.
     */
    private static void grow(RunDocument run, long from, int rounds, DeviceChoice device, GrowthBackend.Sink sink,
                             CancelToken cancel) {
        try (RunStore store = RunStore.openForWriting(run.store().directory())) {
            StoredRun stored = StoredRun.read(store, DataSources.system());
            if (cancel.isCancelled()) {
                return;
            }
            GrowthConfig config = device == null ? stored.config().growth()
                    : stored.config().growth().toBuilder().device(device).build();
            GrowthSession session = new GrowthSession(stored.seedModel(), stored.seedEpochs(), stored.data(),
                    stored.normalization(), config, store, sink);
            if (from > 0) {
                session.branchFrom(from, rounds);
            }
            cancel.onCancel(session::cancel);
            session.run();
        }
    }

    /** A baseline trained into the open run beside its grown candidates. */
    public static Job baseline(RunDocument run, BaselineRequest request) {
        return new Job(request.noun(), 0, "Opening " + run.title() + " and its data…", run, (sink, cancel) -> {
            try (BaselineRun ctx = BaselineRun.open(run.store().directory(), request.device().resolve(), sink,
                    cancel::isCancelled)) {
                if (request instanceof BaselineRequest.Uniform u) {
                    ctx.uniform(u.multipliers(), u.profile(), c -> c);
                } else if (request instanceof BaselineRequest.Random r) {
                    ctx.random(r.seeds());
                } else if (request instanceof BaselineRequest.AutoSlim a) {
                    // Continuing takes the stored search's settings (held-out part, calibration, width), which the
                    // dialog does not ask for; a fresh search takes the defaults.
                    var stored = AutoSlimBaseline.storedSearch(run.store().directory());
                    boolean resume = a.resume() && stored.isPresent();
                    AutoSlimBaseline.Options d = resume ? stored.get().options() : ctx.autoslimDefaults(a.targets());
                    AutoSlimBaseline.Options options = new AutoSlimBaseline.Options(d.supernetWidth(), a.groups(),
                            d.sandwich(), a.supernetEpochs(), d.heldOutImages(), d.calibrationImages(), d.slimmed());
                    ctx.autoslim(a.targets(), options, c -> c, resume, stored.isPresent() && !resume);
                }
            }
        });
    }

    /** Trains a template from scratch and writes its model directory, as {@code mitosis train} does. */
    public static Job train(TrainRequest r) {
        return new Job("Training", 0, "Loading the data…", null, (sink, cancel) -> {
            DataSplit full = DataSources.system().load(r.dataset(), Optional.empty());
            DataSplit data = new DataSubset(r.trainImages(), r.testImages()).apply(full);
            NetworkSpec spec = Templates.create(r.template(), new Templates.Options(r.width(), data.train().shape(),
                    data.train().classes(), Optional.empty()));
            data.checkFits(spec, r.dataset());
            Model initial = new Model(spec, Initializer.initialize(spec, TrainConfig.defaults().seed()));
            Normalization normalization = Normalization.of(data.train());
            TrainConfig config = TrainConfig.defaults().withEpochs(r.epochs()).withLr(r.learningRate());
            List<EpochMetrics> history;
            Model trained;
            Evaluation test;
            try (Network net = Network.load(initial, r.device().resolve())) {
                history = Training.run(net, data, normalization, config, listener(sink, cancel, config.epochs()));
                trained = net.model();
                test = Evaluation.afterTraining(net, history, data.test(), normalization);
            }
            TrainingRecord record = new TrainingRecord(r.dataset(), normalization, config.epochs(), test.accuracy(),
                    test.loss(), String.format(Locale.ROOT, "mitosis train %s --width %s --epochs %d --data %s (explorer)",
                    r.template(), r.width(), r.epochs(), r.dataset()));
            ModelDirectory.write(r.out(), trained, Map.of(TrainingRecord.FILE, record.toJson()));
        });
    }

    /** The training's batches and epochs as the events the monitor shows (progress, the Training chart). */
    private static TrainingListener listener(GrowthBackend.Sink sink, CancelToken cancel, int epochs) {
        return new TrainingListener() {
            private long last;

            @Override
            public void batchFinished(int epoch, int batch, int batches, double loss) {
                long now = System.nanoTime();
                // The monitor coalesces per frame anyway; ten a second keeps the queue short.
                if (now - last >= 100_000_000L) {
                    last = now;
                    double fraction = (epoch + (batch + 1.0) / batches) / Math.max(1, epochs);
                    sink.on(new GrowthEvent.Progress(0, "epoch " + (epoch + 1) + "/" + epochs, fraction, Double.NaN,
                            loss));
                }
            }

            @Override
            public void epochFinished(EpochMetrics metrics) {
                sink.on(new GrowthEvent.EpochFinished(0, epochs, metrics));
            }

            @Override
            public boolean cancelled() {
                return cancel.isCancelled();
            }
        };
    }
}
