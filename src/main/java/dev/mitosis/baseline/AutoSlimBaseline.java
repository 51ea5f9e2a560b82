package dev.mitosis.baseline;

import ai.djl.Device;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mitosis.data.Augmentation;
import dev.mitosis.data.Batch;
import dev.mitosis.data.Batches;
import dev.mitosis.data.Dataset;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.SandwichTrainer;
import dev.mitosis.engine.SlimmableNetwork;
import dev.mitosis.grow.Finetuner;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.GrowthListener;
import dev.mitosis.io.AtomicFiles;
import dev.mitosis.io.BadInputException;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunStore;
import dev.mitosis.text.Formats;
import dev.mitosis.train.EpochMetrics;
import dev.mitosis.train.Evaluation;
import dev.mitosis.train.TrainConfig;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Initializer;
import dev.mitosis.weights.Safetensors;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * AutoSlim (Yu &amp; Huang 2019; docs/algorithms.md §9) as a baseline stored in a run: train a slimmable
 * supernet by the sandwich rule on the training set less a held-out part, search it greedily for each
 * MAC target on that held-out part, and train every configuration found from scratch for the same epochs
 * as the other baselines. Each is stored as {@link Method#AUTOSLIM}; with {@link Options#slimmed} also the
 * configuration as sliced from the supernet with recalibrated BN, not retrained
 * ({@link Method#AUTOSLIM_SLIMMED}).
 *
 * <p>The supernet is checkpointed in the run ({@value #DIRECTORY}/) after every epoch and the search
 * result when it is done, with the optimizer's momentum beside it, so a resumed AutoSlim loses at most the
 * epoch in progress and skips the targets already retrained.
 */
public final class AutoSlimBaseline {

    public static final String DIRECTORY = "autoslim";
    static final String STATE_FILE = "autoslim.json";
    static final String SUPERNET_STREAM = "autoslim-supernet";
    static final String MOMENTUM_FILE = "momentum.safetensors";
    private static final long THROTTLE_NANOS = 100_000_000L;
    private static final int MAX_SKIPPED_IN_A_ROW = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The search's settings; the defaults are the published ones where there are any.
     *
     * @param supernetWidth the supernet is the seed with every splittable width times this
     * @param groups widths per layer the search chooses among (published: 10, one group per step)
     * @param sandwich configurations per training step: the largest, the smallest and n − 2 random (published n = 4)
     * @param supernetEpochs epochs of supernet training (search compute, on top of the retraining)
     * @param heldOutImages training images held out from the supernet to score the search on
     * @param calibrationImages training images each configuration's BN statistics are recalibrated on
     * @param slimmed also store each configuration as sliced from the supernet, not retrained
     */
    public record Options(double supernetWidth, int groups, int sandwich, int supernetEpochs, int heldOutImages,
                          int calibrationImages, boolean slimmed) {
        public Options {
            if (!(supernetWidth > 0)) {
                throw new BadInputException("--supernet-width must be positive, found " + supernetWidth);
            }
            if (groups < 2) {
                throw new BadInputException("--groups must be at least 2, found " + groups);
            }
            if (sandwich < 2) {
                throw new BadInputException("--sandwich must be at least 2 (the largest and the smallest), found "
                        + sandwich);
            }
            if (supernetEpochs < 1) {
                throw new BadInputException("--supernet-epochs must be at least 1, found " + supernetEpochs);
            }
            if (heldOutImages < 1 || calibrationImages < 1) {
                throw new BadInputException("--held-out and --calibration need at least one image each");
            }
        }

        public static final int PUBLISHED_GROUPS = 10;
        public static final int PUBLISHED_SANDWICH = 4;
    }

    /** What the run directory keeps of a search: its settings, how far the supernet got, what was found. */
    record State(int schemaVersion, Options options, List<Long> targets, int epochsDone, List<Found> found,
                 int evaluations) {
        static final int SCHEMA = 1;

        State {
            if (options == null || epochsDone < 0 || epochsDone > options.supernetEpochs()) {
                throw new IllegalArgumentException("epochsDone " + epochsDone + " is outside 0.."
                        + (options == null ? "?" : options.supernetEpochs()));
            }
            targets = List.copyOf(targets);
            found = found == null ? List.of() : List.copyOf(found);
        }
    }

    /** One configuration found, as stored in {@value #STATE_FILE} and beside each candidate. */
    record Found(long target, long macs, int[] levels, Map<String, Integer> widths, double heldOutAccuracy,
                 int steps) {
    }

    /** A training set cut in two: what the supernet trains on and what the search scores on. */
    record Parts(Dataset fit, Dataset heldOut) {
    }

    private final RunStore store;
    private final Finetuner finetuner;
    private final Dataset train;
    private final Normalization normalization;
    private final Device device;
    private final GrowthListener listener;
    private final BooleanSupplier cancelled;
    private long lastProgress;

    public AutoSlimBaseline(RunStore store, Finetuner finetuner, Dataset train, Normalization normalization,
                            Device device, GrowthListener listener, BooleanSupplier cancelled) {
        this.store = store;
        this.finetuner = finetuner;
        this.train = train;
        this.normalization = normalization;
        this.device = device;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** The supernet of a seed: every splittable width times {@link Options#supernetWidth}. */
    public static ChannelGrid grid(NetworkSpec seed, Options options) {
        return ChannelGrid.of(ChannelGrid.supernet(seed, options.supernetWidth()), options.groups());
    }

    /**
     * The default supernet width for these targets: 1.5× the uniform multiplier of the seed that reaches
     * the largest target, so that the largest budget's widths have room to grow as well as to shrink
     * (published supernets are 1.5× their largest model), in steps of 0.25.
     */
    public static double defaultSupernetWidth(NetworkSpec seed, List<Long> targets) {
        long largest = targets.stream().mapToLong(Long::longValue).max().orElseThrow();
        double k = 0.25;
        while (k < 16 && ChannelGrid.supernet(seed, k).macs() < largest) {
            k += 0.25;
        }
        return Math.ceil(k * 1.5 * 4) / 4;
    }

    /** A held-out part of a training set: {@code images} of them, balanced over classes, drawn by {@code seed}. */
    static Parts holdOut(Dataset train, int images, long seed) {
        if (images >= train.size()) {
            throw new BadInputException("--held-out " + images + ": the training set " + train.name() + " has only "
                    + train.size() + " images");
        }
        int[] order = new int[train.size()];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int perClass = Math.max(1, images / train.classes());
        int[] taken = new int[train.classes()];
        List<Integer> held = new ArrayList<>();
        List<Integer> fit = new ArrayList<>();
        for (int i : order) {
            int label = train.label(i);
            if (taken[label] < perClass) {
                taken[label]++;
                held.add(i);
            } else {
                fit.add(i);
            }
        }
        return new Parts(train.select(fit.stream().mapToInt(Integer::intValue).toArray(), train.name() + " less held-out"),
                train.select(held.stream().mapToInt(Integer::intValue).toArray(), train.name() + " held-out"));
    }

    /**
     * Runs (or with {@code resume} continues) AutoSlim for {@code targets} from {@code seed} and returns the
     * candidates stored.
     *
     * @param supernetTraining the supernet's optimizer, schedule and batch (its epochs are {@link Options#supernetEpochs})
     * @param retraining how each configuration found is trained from scratch
     */
    public List<CandidateRecord> run(NetworkSpec seed, List<Long> targets, Options options,
                                     TrainConfig supernetTraining, TrainConfig retraining, boolean resume) {
        if (targets.isEmpty()) {
            throw new BadInputException("--targets: give at least one MAC target");
        }
        ChannelGrid grid = grid(seed, options);
        GreedySlimming.checkTargets(grid, targets, "--targets");
        State state = startOrResume(targets, options, resume);
        for (Found f : state.found()) {
            if (!grid.contains(f.levels()) || grid.macs(f.levels()) != f.macs()) {
                throw new BadInputException(supernetDirectory().resolve(STATE_FILE) + ": found configuration for target "
                        + f.target() + " does not fit the supernet these options make (levels "
                        + Arrays.toString(f.levels()) + "); --restart");
            }
        }
        Parts parts = holdOut(train, options.heldOutImages(), supernetTraining.seed());
        if (options.calibrationImages() > parts.fit().size()) {
            throw new BadInputException("--calibration " + options.calibrationImages() + ": only " + parts.fit().size()
                    + " training images are left after the held-out part");
        }
        Dataset calibration = parts.fit().first(options.calibrationImages());
        if (state.found().isEmpty()) {
            state = searchPhase(grid, parts, calibration, state, supernetTraining);
        }
        List<CandidateRecord> out = new ArrayList<>();
        if (options.slimmed()) {
            out.addAll(storeSlimmed(grid, calibration, state, supernetTraining.batchSize(), resume));
        }
        out.addAll(retrain(grid, seed, state, retraining, resume));
        return out;
    }

    private Path directory() {
        return store.directory().resolve(DIRECTORY);
    }

    private Path supernetDirectory() {
        return supernetDirectory(store.directory());
    }

    private static Path supernetDirectory(Path run) {
        return run.resolve(DIRECTORY).resolve("supernet");
    }

    /** What a resumable search was started with: its settings and targets, for a form to show. */
    public record StoredSearch(Options options, List<Long> targets, int epochsDone) {
        public StoredSearch {
            targets = List.copyOf(targets);
        }
    }

    /** The search stored in run directory {@code run}, if any; a state file that cannot be read is one line. */
    public static Optional<StoredSearch> storedSearch(Path run) {
        return storedState(run).map(s -> new StoredSearch(s.options(), s.targets(), s.epochsDone()));
    }

    private Optional<State> storedState() {
        return storedState(store.directory());
    }

    private static Optional<State> storedState(Path run) {
        Path file = supernetDirectory(run).resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            State s = JSON.readValue(Files.readString(file), State.class);
            if (s.schemaVersion() != State.SCHEMA) {
                throw new BadInputException(file + ": schemaVersion " + s.schemaVersion() + ", expected " + State.SCHEMA);
            }
            return Optional.of(s);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a readable AutoSlim state (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
    }

    private State startOrResume(List<Long> targets, Options options, boolean resume) {
        Optional<State> stored = storedState();
        if (!resume) {
            if (stored.isPresent()) {
                throw new BadInputException(store.directory() + ": the run already has an AutoSlim search ("
                        + stored.get().epochsDone() + " of " + stored.get().options().supernetEpochs()
                        + " supernet epochs); --resume continues it, --restart discards it");
            }
            return new State(State.SCHEMA, options, targets, 0, List.of(), 0);
        }
        State s = stored.orElseThrow(() -> new BadInputException(store.directory()
                + ": no AutoSlim search to resume (" + DIRECTORY + "/ is absent); run it without --resume"));
        if (!s.options().equals(options)) {
            throw new BadInputException(store.directory() + ": the stored AutoSlim search has other settings ("
                    + s.options() + "); resume with the same options or --restart");
        }
        if (!targets.stream().sorted().toList().equals(s.targets().stream().sorted().toList())) {
            throw new BadInputException(store.directory() + ": the stored AutoSlim search is for targets "
                    + s.targets().stream().map(Formats::count).toList() + "; resume with those or --restart");
        }
        return s;
    }

    /** Discards a stored search (its checkpoint and result), keeping any candidates it stored. */
    public static void discardSearch(RunStore store) {
        try {
            AtomicFiles.deleteRecursively(store.directory().resolve(DIRECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + store.directory().resolve(DIRECTORY), e);
        }
    }

    private State searchPhase(ChannelGrid grid, Parts parts, Dataset calibration, State state,
                              TrainConfig training) {
        Model start = state.epochsDone() > 0 ? ModelDirectory.read(supernetDirectory())
                : new Model(grid.supernet(), Initializer.initialize(grid.supernet(), training.seed()));
        if (!start.spec().equals(grid.supernet())) {
            throw new BadInputException(supernetDirectory() + ": the checkpoint is " + start.spec().name()
                    + ", not the supernet these options make; --restart");
        }
        try (SlimmableNetwork net = SlimmableNetwork.load(start, device)) {
            GreedySlimming search = new GreedySlimming(net, grid, parts.heldOut(), calibration, normalization,
                    training.batchSize(), cancelled);
            if (state.epochsDone() == 0) {
                store.discardEpochs(0, SUPERNET_STREAM);
            }
            state = trainSupernet(net, grid, parts.fit(), search, state, training);
            listener.on(new GrowthEvent.Note(0, String.format(Locale.ROOT, "AutoSlim search: %s supernet (%s MACs),"
                    + " %d groups per layer, %d held-out images", grid.supernet().name(),
                    Formats.count(grid.macs(grid.largest())), state.options().groups(), parts.heldOut().size())));
            listener.on(new GrowthEvent.Progress(0, "autoslim search", 0, Double.NaN, Double.NaN));
            List<GreedySlimming.Found> found = search.search(state.targets(), (steps, macs, accuracy, fraction) ->
                    progress("autoslim search", fraction, Double.NaN));
            List<Found> stored = found.stream().map(f -> new Found(f.target(), f.macs(), f.levels(),
                    widths(grid, f.levels()), f.heldOutAccuracy(), f.steps())).toList();
            for (Found f : stored) {
                listener.on(new GrowthEvent.Note(0, String.format(Locale.ROOT, "AutoSlim search: %s MACs for target %s"
                        + " after %d steps, held-out accuracy %.2f%% (slimmed, BN recalibrated)", Formats.count(f.macs()),
                        Formats.count(f.target()), f.steps(), 100 * f.heldOutAccuracy())));
            }
            state = new State(State.SCHEMA, state.options(), state.targets(), state.epochsDone(), stored,
                    search.evaluations());
            checkpoint(net, state);
            return state;
        }
    }

    private static Map<String, Integer> widths(ChannelGrid grid, int[] levels) {
        int[] w = grid.widths(levels);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int l = 0; l < w.length; l++) {
            out.put(grid.layerName(l), w[l]);
        }
        return out;
    }

    private State trainSupernet(SlimmableNetwork net, ChannelGrid grid, Dataset fit, GreedySlimming search,
                                State state, TrainConfig t) {
        Options o = state.options();
        Augmentation augmentation = t.augment() ? Augmentation.defaultFor(fit) : Augmentation.none();
        Batches batches = Batches.training(fit, normalization, t.batchSize(), t.seed(), augmentation);
        long totalSteps = (long) o.supernetEpochs() * batches.batchesPerEpoch();
        NetworkSpec largest = grid.spec(grid.largest());
        NetworkSpec smallest = grid.spec(grid.smallest());
        int skippedInARow = 0;
        try (SandwichTrainer trainer = new SandwichTrainer(net, t.optimizer())) {
            if (state.epochsDone() > 0 && !restoreMomentum(trainer, state.epochsDone())) {
                listener.on(new GrowthEvent.Note(0, "AutoSlim supernet: no momentum saved for epoch "
                        + state.epochsDone() + "; it restarts from zero"));
            }
            for (int epoch = state.epochsDone(); epoch < o.supernetEpochs(); epoch++) {
                long start = System.nanoTime();
                long step = (long) epoch * batches.batchesPerEpoch();
                Random random = new Random(t.seed() * 1_000_003L + epoch);
                double lossSum = 0;
                long correct = 0;
                long seen = 0;
                double lr = 0;
                int index = 0;
                for (Batch b : batches.epoch(epoch)) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("AutoSlim cancelled");
                    }
                    lr = t.schedule().at(t.lr(), epoch, step++, totalSteps);
                    List<NetworkSpec> configs = new ArrayList<>(List.of(largest, smallest));
                    for (int r = 2; r < o.sandwich(); r++) {
                        configs.add(grid.spec(grid.random(random)));
                    }
                    SandwichTrainer.Step s = trainer.step(b.images(), b.labels(), b.size(), lr, configs);
                    if (!s.finite()) {
                        // The step was not taken, so the weights are still finite: a rare overflow in one
                        // sampled configuration skips its batch, a run of them means training has diverged.
                        skippedInARow++;
                        String where = String.format(Locale.ROOT, "epoch %d, batch %d (lr %.4g): losses %s",
                                epoch + 1, index + 1, lr, Arrays.toString(s.losses()));
                        if (skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
                            throw new BadInputException("AutoSlim supernet: " + MAX_SKIPPED_IN_A_ROW
                                    + " steps in a row with a non-finite loss, last at " + where + "; lower --lr");
                        }
                        listener.on(new GrowthEvent.Note(0, "warning: AutoSlim supernet: step skipped for a"
                                + " non-finite loss at " + where));
                        index++;
                        continue;
                    }
                    skippedInARow = 0;
                    lossSum += s.largest().lossSum();
                    correct += s.largest().correct();
                    seen += s.largest().size();
                    index++;
                    progress("autoslim supernet", (epoch + (double) index / batches.batchesPerEpoch())
                            / o.supernetEpochs(), s.largest().meanLoss());
                }
                Evaluation held = search.evaluate(grid.largest());
                EpochMetrics m = new EpochMetrics(epoch + 1, lossSum / seen, (double) correct / seen, held.loss(),
                        held.accuracy(), lr, (System.nanoTime() - start) / 1e9, seen);
                store.addEpoch(0, SUPERNET_STREAM, m);
                listener.on(new GrowthEvent.EpochFinished(0, o.supernetEpochs(), m));
                state = new State(State.SCHEMA, o, state.targets(), epoch + 1, List.of(), 0);
                checkpoint(net, state);
                saveMomentum(trainer, epoch + 1);
            }
        }
        return state;
    }

    private void checkpoint(SlimmableNetwork net, State state) {
        try {
            Files.createDirectories(directory());
            ModelDirectory.write(supernetDirectory(), new Model(net.spec(), net.weights()),
                    Map.of(STATE_FILE, JSON.writeValueAsString(state)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the AutoSlim checkpoint to " + supernetDirectory(), e);
        }
    }

    private Path momentumFile() {
        return directory().resolve(MOMENTUM_FILE);
    }

    /**
     * Written after the supernet's checkpoint, with the epoch it belongs to, so that a crash between the
     * two writes leaves a momentum that is recognised as stale rather than one applied to other weights.
     */
    private void saveMomentum(SandwichTrainer trainer, int epochsDone) {
        Tensor momentum = trainer.momentum();
        if (momentum == null) {
            return;
        }
        try {
            Safetensors.write(momentumFile(), new Weights(Map.of("momentum", momentum,
                    "epochs_done", Tensor.scalar(DType.I64, epochsDone))), Map.of("format", "mitosis-sgd"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + momentumFile(), e);
        }
    }

    private boolean restoreMomentum(SandwichTrainer trainer, int epochsDone) {
        if (!Files.isRegularFile(momentumFile())) {
            return false;
        }
        Weights saved = Safetensors.read(momentumFile());
        Optional<Tensor> epochs = saved.find("epochs_done");
        if (epochs.isEmpty() || epochs.get().size() != 1 || (long) epochs.get().get(0) != epochsDone) {
            return false;
        }
        return trainer.restoreMomentum(saved.find("momentum").orElse(null));
    }

    /**
     * Whether a resumed search stored this candidate before it was stopped. A fresh search has stored
     * nothing yet, even where a discarded earlier search (--restart) left candidates of the same label.
     */
    private boolean alreadyStored(boolean resume, Method method, String label) {
        return resume && store.candidates().stream().anyMatch(c -> c.method() == method && c.label().equals(label));
    }

    static String label(long target) {
        return "autoslim-" + Formats.count(target).replace(" ", "");
    }

    private List<CandidateRecord> storeSlimmed(ChannelGrid grid, Dataset calibration, State state, int batchSize,
                                               boolean resume) {
        List<CandidateRecord> out = new ArrayList<>();
        List<Found> pending = state.found().stream()
                .filter(f -> !alreadyStored(resume, Method.AUTOSLIM_SLIMMED, label(f.target()))).toList();
        if (pending.isEmpty()) {
            return out;
        }
        try (SlimmableNetwork net = SlimmableNetwork.load(ModelDirectory.read(supernetDirectory()), device)) {
            for (Found f : pending) {
                long t0 = System.nanoTime();
                Model model;
                try (SlimmableNetwork.Calibration stats = net.calibrate(grid.spec(f.levels()))) {
                    for (Batch b : Batches.evaluation(calibration, normalization, batchSize).epoch(0)) {
                        stats.add(b.images(), b.size());
                    }
                    model = net.slice(stats);
                }
                model = new Model(model.spec().withName(label(f.target()) + "-slimmed"), model.weights());
                Evaluation test = finetuner.evaluate(model);
                out.add(finetuner.store(0, 0, Method.AUTOSLIM_SLIMMED, label(f.target()), model, test,
                        state.options().supernetEpochs(), (System.nanoTime() - t0) / 1e9, record(f, state, 0)));
            }
        }
        return out;
    }

    private List<CandidateRecord> retrain(ChannelGrid grid, NetworkSpec seed, State state, TrainConfig retraining,
                                          boolean resume) {
        List<CandidateRecord> out = new ArrayList<>();
        List<Found> pending = state.found().stream()
                .filter(f -> !alreadyStored(resume, Method.AUTOSLIM, label(f.target()))).toList();
        for (int i = 0; i < pending.size(); i++) {
            Found f = pending.get(i);
            String phase = "autoslim retrain " + Formats.count(f.target());
            int done = i;
            long t0 = System.nanoTime();
            NetworkSpec spec = grid.spec(f.levels()).withName(seed.name() + "-" + label(f.target()));
            Model fresh = new Model(spec, Initializer.initialize(spec, retraining.seed()));
            Finetuner.Trained trained = finetuner.train(0, label(f.target()), fresh, retraining, (fraction, loss) ->
                    listener.on(new GrowthEvent.Progress(0, phase, (done + fraction) / pending.size(), Double.NaN,
                            loss)));
            out.add(finetuner.store(0, 0, Method.AUTOSLIM, label(f.target()), trained.model(), trained.test(),
                    retraining.epochs(), (System.nanoTime() - t0) / 1e9, record(f, state, retraining.epochs())));
        }
        return out;
    }

    /** What a candidate's directory says of how AutoSlim found it ({@value #STATE_FILE}). */
    private static Map<String, String> record(Found f, State state, int retrainEpochs) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("found", f);
        r.put("options", state.options());
        r.put("searchEvaluations", state.evaluations());
        r.put("retrainedEpochs", retrainEpochs);
        r.put("note", retrainEpochs > 0
                ? "widths found by AutoSlim's greedy search on held-out training images, trained from scratch for "
                        + retrainEpochs + " epochs; the supernet's " + state.options().supernetEpochs()
                        + " epochs are search compute on top"
                : "sliced from the AutoSlim supernet with BN recalibrated on training images, not retrained");
        try {
            return Map.of(STATE_FILE, JSON.writeValueAsString(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void progress(String phase, double fraction, double loss) {
        long now = System.nanoTime();
        if (now - lastProgress >= THROTTLE_NANOS) {
            lastProgress = now;
            listener.on(new GrowthEvent.Progress(0, phase, fraction, Double.NaN, loss));
        }
    }
}
