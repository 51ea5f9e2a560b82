package dev.mitosis.grow;

import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.run.Method;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.Network;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.net.Costs;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.split.CostModel;
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
import dev.mitosis.train.Evaluation;
import dev.mitosis.weights.Initializer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /** Runs the remaining rounds; never throws for a failed round, it reports {@link GrowthEvent.Failed}. */
    public void run() {
        estimate = new ProgressEstimate(config.rounds(), System::nanoTime);
        int round = 0;
        try {
            store.markState(RunState.GROWING);
            finetuner = new Finetuner(data, normalization, config.device().resolve(), store, listener,
                    () -> cancelled);
            CandidateRecord current = storedSeed();
            round = current.round() + 1;
            store.discardRoundsAfter(Method.SPLIT, current.round());
            Model model = store.loadModel(current);
            for (; round <= config.rounds(); round++) {
                listener.on(new GrowthEvent.RoundStarted(round, config.rounds(), current));
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
            listener.on(new GrowthEvent.Failed(round, e.getMessage() == null ? e.toString() : e.getMessage()));
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
        return store.candidates().stream().filter(c -> c.method() == Method.SEED).findFirst()
                .map(CandidateRecord::macs).orElse(seed.spec().macs());
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
        int budget = seedEpochs() + round * config.fineTune().epochs();
        Model fresh = new Model(spec, Initializer.initialize(spec, config.seed()));
        Finetuner.Trained trained = finetuner.train(round, Method.SPLIT_RETRAINED.id(), fresh, config.fineTune().withEpochs(budget),
                (f, loss) -> progress(round, ProgressEstimate.RETRAIN, f, loss));
        finetuner.store(grown.id(), round, Method.SPLIT_RETRAINED, "r" + round + "-retrained", trained.model(), trained.test(),
                budget, (System.nanoTime() - t0) / 1e9);
    }

    private int seedEpochs() {
        return store.candidates().stream().filter(c -> c.method() == Method.SEED).findFirst()
                .flatMap(c -> TrainingRecord.read(store.modelDirectory(c))).map(TrainingRecord::epochs).orElse(0);
    }

    private void progress(int round, String phase, double phaseFraction, double loss) {
        listener.on(estimate.phase(round, phase, phaseFraction, loss));
    }

    private String summary() {
        List<CandidateRecord> all = store.candidates();
        CandidateRecord first = all.get(0);
        CandidateRecord last = all.stream().filter(c -> c.method() == Method.SPLIT).reduce((a, b) -> b).orElse(first);
        return String.format(Locale.ROOT, "%d rounds: %d -> %d MACs, accuracy %.2f%% -> %.2f%%", last.round(),
                first.macs(), last.macs(), 100 * first.accuracy(), 100 * last.accuracy());
    }

    /**
     * The run's overall fraction and remaining time, for {@link GrowthEvent.Progress}, from what this run
     * has measured: each phase's duration in the last completed round, and the current phase's own pace.
     * Elapsed time since the start is no basis: it includes one-off work (loading, the seed's evaluation)
     * and the probe and fine-tuning run at very different speeds per percent. So there is no ETA (NaN)
     * until a round has completed; the session's clock is a parameter so that the arithmetic can be
     * checked without a real run.
     */
    public static final class ProgressEstimate {

        public static final String PROBE = "probe";
        public static final String FINE_TUNE = "fine-tune";
        public static final String RETRAIN = "retrain";
        private static final List<String> PHASES = List.of(PROBE, FINE_TUNE, RETRAIN);
        /** Below this share of a phase, its pace so far says little (the first batches warm up). */
        private static final double PACE_BASIS = 0.1;

        private final int rounds;
        private final java.util.function.LongSupplier nanoTime;
        private final java.util.Map<String, Double> phases = new java.util.HashMap<>();
        private java.util.Map<String, Double> lastPhases = java.util.Map.of();
        private double lastRound = Double.NaN;
        private int round;
        private long roundStart;
        private String phase;
        private long phaseStart;
        private long lastEvent;

        /** {@code nanoTime} is the clock: {@code System::nanoTime} in a session. */
        public ProgressEstimate(int rounds, java.util.function.LongSupplier nanoTime) {
            this.rounds = rounds;
            this.nanoTime = nanoTime;
        }

        public void roundStarted(int round) {
            this.round = round;
            roundStart = nanoTime.getAsLong();
            phaseStart = roundStart;
            lastEvent = roundStart;
            phase = null;
            phases.clear();
        }

        /** The round's candidate (and its retrained twin) is stored: its durations become the basis. */
        public void roundFinished(int round) {
            closePhase();
            lastPhases = java.util.Map.copyOf(phases);
            lastRound = (nanoTime.getAsLong() - roundStart) / 1e9;
        }

        /** Progress of {@code phase} of {@code round}, {@code phaseFraction} in [0, 1] of that phase. */
        public GrowthEvent.Progress phase(int round, String phase, double phaseFraction, double loss) {
            if (round != this.round) {
                roundStarted(round);
            }
            long now = nanoTime.getAsLong();
            if (!phase.equals(this.phase)) {
                closePhase();
                // A phase starts where the one before it reported last: the work in between is its setup.
                phaseStart = this.phase == null ? roundStart : lastEvent;
                this.phase = phase;
            }
            lastEvent = now;
            double f = Math.max(0, Math.min(1, phaseFraction));
            double inRound = (now - roundStart) / 1e9;
            double roundLeft = roundRemaining(f, (now - phaseStart) / 1e9);
            double roundFraction = Double.isNaN(roundLeft) ? assumedRoundFraction(phase, f)
                    : inRound + roundLeft > 0 ? inRound / (inRound + roundLeft) : 1;
            double fraction = Math.min(1, (round - 1 + roundFraction) / rounds);
            double eta = roundLeft + Math.max(0, rounds - round) * lastRound;
            return new GrowthEvent.Progress(round, phase, fraction, eta, loss);
        }

        /** Seconds left in the current round; NaN while no round has completed. */
        private double roundRemaining(double f, double inPhase) {
            if (Double.isNaN(lastRound)) {
                return Double.NaN;
            }
            double measured = lastPhases.getOrDefault(phase, Double.NaN);
            double current = f >= PACE_BASIS ? inPhase * (1 - f) / f
                    : Double.isNaN(measured) ? Double.NaN : Math.max(0, measured - inPhase);
            double later = 0;
            int at = PHASES.indexOf(phase);
            for (String p : at < 0 ? List.<String>of() : PHASES.subList(at + 1, PHASES.size())) {
                later += lastPhases.getOrDefault(p, 0.0);
            }
            double between = lastRound - lastPhases.values().stream().mapToDouble(Double::doubleValue).sum();
            return current + later + Math.max(0, between);
        }

        /** Before anything is measured, the bar moves by the phases' usual shares of a round. */
        private static double assumedRoundFraction(String phase, double f) {
            return switch (phase) {
                case PROBE -> 0.3 * f;
                case FINE_TUNE -> 0.3 + 0.7 * f;
                default -> 1;
            };
        }

        private void closePhase() {
            if (phase != null) {
                phases.put(phase, (lastEvent - phaseStart) / 1e9);
            }
        }
    }
}
