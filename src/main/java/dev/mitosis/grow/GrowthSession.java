package dev.mitosis.grow;

import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.run.Method;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.Network;
import dev.mitosis.io.BadInputException;
import dev.mitosis.model.Model;
import dev.mitosis.net.Costs;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.split.ExactProbe;
import dev.mitosis.split.FastProbe;
import dev.mitosis.split.LayerProbe;
import dev.mitosis.split.Plan;
import dev.mitosis.split.ProbeData;
import dev.mitosis.split.ProbeListener;
import dev.mitosis.split.ProbeResult;
import dev.mitosis.split.Selection;
import dev.mitosis.split.Surgery;
import dev.mitosis.store.RunState;
import dev.mitosis.store.RunStore;
import dev.mitosis.text.Formats;
import dev.mitosis.train.Evaluation;
import dev.mitosis.weights.Initializer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Grows a network: rounds of probe → select → split → fine-tune → evaluate → store (docs/algorithms.md §6),
 * each round's candidate kept in the {@link RunStore} before the next begins. Reports
 * {@link GrowthEvent}s to its listener.
 *
 * <p>{@link #run} does all engine work on the calling thread (the engine's one owner thread) and
 * returns when the run is finished, cancelled or failed. {@link #cancel} may be called from any thread;
 * the session stops within one batch, and the store stays consistent (the last stored round survives).
 * A run whose store already holds rounds continues after the last one (resume).
 */
public final class GrowthSession {

    private static final long THROTTLE_NANOS = 100_000_000L;

    private final Model seed;
    private final int seedEpochs;
    private final DataSplit data;
    private final Normalization normalization;
    private final GrowthConfig config;
    private final RunStore store;
    private final GrowthListener listener;
    private volatile boolean cancelled;
    /** The candidate a branch grows from; 0 to continue the run after its last round. */
    private long branchFrom;
    private int branchRounds;
    private Finetuner finetuner;
    private long lastProbeEvent;
    private ProgressEstimate estimate;

    /**
     * @param seedEpochs epochs the seed was trained for before growth (from its training.json; 0 when
     *     unknown): stored with the seed candidate, so that retraining and baselines get the same total
     */
    public GrowthSession(Model seed, int seedEpochs, DataSplit data, Normalization normalization, GrowthConfig config,
                         RunStore store, GrowthListener listener) {
        this.seed = seed;
        this.seedEpochs = seedEpochs;
        this.data = data;
        this.normalization = normalization;
        this.config = config;
        this.store = store;
        this.listener = listener;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Makes this session grow {@code rounds} more rounds from the stored candidate {@code candidateId}
     * instead of continuing after the run's last round: a branch in the same run, whose first candidate
     * has {@code candidateId} as its parent. Round numbers stay unique within the run (the branch's
     * rounds follow the run's last round), so every round's statistics keep their own key; the depth of
     * a candidate is its lineage.
     */
    public GrowthSession branchFrom(long candidateId, int rounds) {
        if (rounds < 1) {
            throw new BadInputException("a branch needs at least one round, found " + rounds);
        }
        this.branchFrom = candidateId;
        this.branchRounds = rounds;
        return this;
    }

    /** Runs the remaining rounds; never throws for a failed round, it reports {@link GrowthEvent.Failed}. */
    public void run() {
        int round = 0;
        try {
            store.markState(RunState.GROWING);
            finetuner = new Finetuner(data, normalization, config.device().resolve(), store, listener,
                    () -> cancelled);
            CandidateRecord current = storedSeed();
            int lastStored = current.round();
            int lastRound = config.rounds();
            if (branchFrom > 0) {
                current = store.candidate(branchFrom).orElseThrow(() -> new BadInputException(store.directory()
                        + ": no candidate #" + branchFrom + " to branch from"));
                lastRound = lastStored + branchRounds;
            }
            round = lastStored + 1;
            estimate = new ProgressEstimate(lastRound, System::nanoTime);
            store.discardRoundsAfter(Method.SPLIT, lastStored);
            Model model = store.loadModel(current);
            for (; round <= lastRound; round++) {
                listener.on(new GrowthEvent.RoundStarted(round, lastRound, current));
                estimate.roundStarted(round);
                CandidateRecord next = round(round, current, model);
                estimate.roundFinished(round);
                if (next == null) {
                    store.markState(RunState.FINISHED);
                    listener.on(new GrowthEvent.Finished(store.candidates(), "stopped after round " + (round - 1)
                            + ": no neuron's split lowers the loss"));
                    return;
                }
                current = next;
                model = store.loadModel(current);
            }
            store.markState(RunState.FINISHED);
            listener.on(new GrowthEvent.Finished(store.candidates(), summary()));
        } catch (CancellationException e) {
            markQuietly(RunState.STOPPED);
            listener.on(new GrowthEvent.Cancelled(round));
        } catch (RuntimeException e) {
            markQuietly(RunState.FAILED);
            listener.on(new GrowthEvent.Failed(round, e.getMessage() == null ? e.toString() : e.getMessage(),
                    e instanceof IllegalArgumentException));
        }
    }

    /** Records how the session ended; a store that cannot even say so must not hide the original error. */
    private void markQuietly(RunState state) {
        try {
            store.markState(state);
        } catch (RuntimeException ignored) {
            // the session's own outcome (stopped, failed) is what the listener reports
        }
    }

    /** The run's seed candidate: the stored one, or the given seed evaluated and stored now. */
    private CandidateRecord storedSeed() {
        List<CandidateRecord> stored = store.candidates();
        if (!stored.isEmpty()) {
            return stored.stream().filter(c -> c.method() == Method.SPLIT || c.method() == Method.SEED)
                    .max(Comparator.comparingInt(CandidateRecord::round)).orElseThrow();
        }
        long t0 = System.nanoTime();
        Evaluation test = finetuner.evaluate(seed);
        return finetuner.store(0, 0, Method.SEED, "seed", seed, test, seedEpochs, (System.nanoTime() - t0) / 1e9);
    }

    /** One round; returns the new candidate, or null when nothing is worth splitting. */
    private CandidateRecord round(int round, CandidateRecord parent, Model model) {
        long t0 = System.nanoTime();
        NetworkSpec spec = model.spec();
        ProbeResult probe;
        try (Network net = Network.load(model, config.device().resolve())) {
            probe = probe(round, net);
        }
        Plan plan = select(round, spec, probe);
        List<LayerSnapshot> snapshots = snapshots(spec, probe, plan);
        store.putNeuronStats(round, Method.SPLIT, snapshots);
        listener.on(new GrowthEvent.SelectionMade(round, snapshots, plan.macsBefore(), plan.macsAfter(),
                plan.neuronsAdded(), plan.strategy(), plan.note()));
        if (plan.isEmpty()) {
            return null;
        }
        Model grown = Surgery.apply(model, plan.splits(probe, config.epsilon(), config.signedBound()));
        Finetuner.Trained trained = finetuner.train(round, Method.SPLIT.id(), grown, config.fineTune(),
                (f, loss) -> progress(round, ProgressEstimate.FINE_TUNE, f, loss));
        CandidateRecord record = finetuner.store(parent.id(), round, Method.SPLIT, "r" + round, trained.model(),
                trained.test(), config.fineTune().epochs(), (System.nanoTime() - t0) / 1e9);
        if (config.retrain()) {
            retrain(round, record, grown.spec());
        }
        return record;
    }

    private ProbeResult probe(int round, Network net) {
        ProbeData probeData = new ProbeData(data.train(), normalization, config.fineTune().batchSize(),
                config.probeImages(), config.seed() + round);
        List<String> keys = net.topology().neuronLayers().stream().map(NeuronLayer::key).toList();
        ProbeListener progress = new ProbeListener() {
            @Override
            public void progress(int pass, int passes, int batch, int batches, List<double[]> lambdaMin) {
                double fraction = (pass + (batch + 1.0) / batches) / passes;
                long now = System.nanoTime();
                if (now - lastProbeEvent >= THROTTLE_NANOS || fraction >= 1) {
                    lastProbeEvent = now;
                    if (!lambdaMin.isEmpty()) {
                        listener.on(new GrowthEvent.ProbeProgress(round, fraction, keys, lambdaMin));
                    }
                    GrowthSession.this.progress(round, ProgressEstimate.PROBE, fraction, Double.NaN);
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
        if (config.exactProbe()) {
            return ExactProbe.run(net, probeData, new ExactProbe.Options(ExactProbe.DEFAULT_MEMORY_LIMIT,
                    config.curvature()), progress);
        }
        return FastProbe.run(net, probeData, config.fastProbe(), progress);
    }

    private Plan select(int round, NetworkSpec spec, ProbeResult probe) {
        Selection.Signed signed = config.signedOptions();
        return switch (config.strategy()) {
            case QUANTILE -> Selection.quantile(spec, probe, config.grow(), signed);
            case ENERGY_AWARE -> Selection.energyAware(spec, probe, config.grow(), config.costModel(),
                    Selection.defaultGroups(spec), signed);
            case MAC_TARGET -> Selection.macTarget(spec, probe, config.roundTarget(seedMacs(), round), signed);
        };
    }

    private long seedMacs() {
        return store.seedCandidate().map(CandidateRecord::macs).orElse(seed.spec().macs());
    }

    /** What the views need of a probe and a plan: arrays per layer, copied. */
    static List<LayerSnapshot> snapshots(NetworkSpec spec, ProbeResult probe, Plan plan) {
        List<LayerSnapshot> out = new ArrayList<>();
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        for (int l = 0; l < layers.size(); l++) {
            NeuronLayer layer = layers.get(l);
            LayerProbe p = probe.layer(layer.key()).orElseThrow();
            boolean[] selected = new boolean[layer.width()];
            for (int j = 0; j < selected.length; j++) {
                selected[j] = plan.isSelected(l, j);
            }
            out.add(new LayerSnapshot(layer.key(), p.lambdaMin().clone(), p.lambdaMax().map(double[]::clone)
                    .orElse(new double[0]), Costs.macIncrement(spec, layer), selected));
        }
        return out;
    }

    /** The grown widths trained from scratch for the epochs the grown candidate has had in total. */
    private void retrain(int round, CandidateRecord grown, NetworkSpec spec) {
        long t0 = System.nanoTime();
        int budget = store.lineageEpochs(grown);
        Model fresh = new Model(spec, Initializer.initialize(spec, config.seed()));
        Finetuner.Trained trained = finetuner.train(round, Method.SPLIT_RETRAINED.id(), fresh,
                config.fineTune().withEpochs(budget), (f, loss) -> progress(round, ProgressEstimate.RETRAIN, f, loss));
        finetuner.store(grown.id(), round, Method.SPLIT_RETRAINED, "r" + round + "-retrained", trained.model(),
                trained.test(), budget, (System.nanoTime() - t0) / 1e9);
    }

    private void progress(int round, String phase, double phaseFraction, double loss) {
        listener.on(estimate.phase(round, phase, phaseFraction, loss));
    }

    private String summary() {
        List<CandidateRecord> all = store.candidates();
        CandidateRecord first = all.get(0);
        CandidateRecord last = all.stream().filter(c -> c.method() == Method.SPLIT).reduce((a, b) -> b).orElse(first);
        return Formats.counted(last.round(), "round") + ": " + Formats.count(first.macs()) + " → "
                + Formats.count(last.macs()) + " MACs, accuracy " + Formats.percent(first.accuracy()) + " → "
                + Formats.percent(last.accuracy());
    }
}
