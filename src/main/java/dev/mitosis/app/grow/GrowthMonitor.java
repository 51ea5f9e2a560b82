package dev.mitosis.app.grow;

import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.app.common.FxBatcher;
import dev.mitosis.run.Method;
import dev.mitosis.text.Formats;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.net.Costs;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The FX side of a growth: its lifecycle state and read-only snapshots for the views (status line, ETA,
 * the live neuron frame, the epochs so far), fed by {@link LiveUpdate}s that one {@link FxBatcher}
 * drains once per pulse. Probe updates are merged and published at most every {@link #FRAME_NANOS}, so
 * the Eigenvalues chart redraws at a steady rate however fast the probe reports. FX thread only, except
 * {@link #offer}.
 */
public final class GrowthMonitor {

    /** Shortest interval between two published neuron frames while the probe runs (10 per second). */
    static final long FRAME_NANOS = 100_000_000L;

    /** The ETA until the session has measured enough to give one. */
    public static final String ESTIMATING = "estimating…";

    private final Workspace workspace;
    private final FxBatcher<LiveUpdate> batcher = new FxBatcher<>(this::apply, this::flushProbe);
    private final ReadOnlyObjectWrapper<GrowthState> state = new ReadOnlyObjectWrapper<>(this, "state", GrowthState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<NeuronFrame> neurons = new ReadOnlyObjectWrapper<>(this, "neurons");
    private final ObservableList<EpochPoint> epochs = FXCollections.observableArrayList();
    private final ObservableList<EpochPoint> epochsView = FXCollections.unmodifiableObservableList(epochs);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<java.nio.file.Path> grownRun = new ReadOnlyObjectWrapper<>(this, "grownRun");

    private final Map<String, double[]> probe = new LinkedHashMap<>();
    private final Map<String, Long> costs = new HashMap<>();
    private int round;
    private int rounds;
    private boolean probeDirty;
    private long lastFrame;
    private long latestStored = -1;
    private String terminalMessage = "";
    private RunDocument pendingRun;
    private String noun = "Growth";

    public GrowthMonitor(Workspace workspace) {
        this.workspace = workspace;
        // How the last growth ended stops being news once the user opens something else.
        workspace.documentProperty().addListener((o, was, now) -> {
            if (!state.get().isActive()) {
                status.set("");
            }
        });
    }

    /** Queues an update from any thread. */
    void offer(LiveUpdate update) {
        batcher.offer(update);
    }

    /** Compare-and-set of the lifecycle; returns false (and changes nothing) when {@code from} is stale. */
    public boolean transition(GrowthState from, GrowthState to) {
        if (state.get() != from || !from.allows(to)) {
            return false;
        }
        state.set(to);
        if (to == GrowthState.STOPPING) {
            status.set("Stopping after the current batch…");
            eta.set("");
        }
        return true;
    }

    /** Clears the live state for a new job and starts draining. */
    void begin(Job job) {
        int totalRounds = job.rounds();
        noun = job.noun();
        probe.clear();
        costs.clear();
        epochs.clear();
        neurons.set(null);
        round = 0;
        rounds = totalRounds;
        probeDirty = false;
        latestStored = -1;
        terminalMessage = "";
        pendingRun = null;
        grownRun.set(null);
        progress.set(-1);
        // Only growths estimate their remaining time (from measured rounds); other jobs show none.
        eta.set(totalRounds > 0 ? ESTIMATING : "");
        outcome.set("");
        status.set(job.starting());
        batcher.start();
    }

    public ReadOnlyObjectProperty<GrowthState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public GrowthState state() {
        return state.get();
    }

    /** One line for the status bar: round, phase and percentage, or how the last growth ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Remaining time as m:ss, {@link #ESTIMATING} until the session has a basis, empty when none runs. */
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** Overall progress in [0, 1], −1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The live neuron statistics: probe estimates while probing, the selection once made. */
    public ReadOnlyObjectProperty<NeuronFrame> neuronsProperty() {
        return neurons.getReadOnlyProperty();
    }

    /** Fine-tuning epochs of the current growth, in order. */
    public ObservableList<EpochPoint> epochs() {
        return epochsView;
    }

    /**
     * The directory of the run the current growth writes, once it holds its first candidate (a run
     * that never does is removed); null before.
     */
    public ReadOnlyObjectProperty<java.nio.file.Path> grownRunProperty() {
        return grownRun.getReadOnlyProperty();
    }

    /** What the current or last job is called ("Growth", "Resume", …), for dialogs about it. */
    public String jobNoun() {
        return noun;
    }

    /** How the last growth ended ("" while none has): the session's summary or the failure. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Drains queued updates now (tests; the batcher does it every pulse). */
    public void drainNow() {
        batcher.drain();
        flushProbe();
    }

    private void apply(List<LiveUpdate> batch) {
        for (LiveUpdate u : batch) {
            if (u instanceof LiveUpdate.Event e) {
                event(e.event());
            } else if (u instanceof LiveUpdate.RunOpened r) {
                // Shown once its seed candidate is stored: until then the window keeps the network grown from.
                pendingRun = r.document();
                transition(GrowthState.STARTING, GrowthState.RUNNING);
            } else if (u instanceof LiveUpdate.Stored s) {
                stored(s.entry());
            } else if (u instanceof LiveUpdate.Ended end) {
                ended(end);
            }
        }
    }

    private void event(GrowthEvent e) {
        if (e instanceof GrowthEvent.RoundStarted r) {
            transition(GrowthState.STARTING, GrowthState.RUNNING);
            round = r.round();
            rounds = r.rounds();
            probe.clear();
            costs.clear();
            costs.putAll(costsOf(r.parent().id()));
            status.set(String.format(Locale.ROOT, "Round %d/%d · probing the splitting eigenvalues", round, rounds));
        } else if (e instanceof GrowthEvent.ProbeProgress p) {
            if (p.round() != round) {
                round = p.round();
                probe.clear();
            }
            for (int i = 0; i < p.layerKeys().size() && i < p.lambdaMin().size(); i++) {
                probe.put(p.layerKeys().get(i), p.lambdaMin().get(i));
            }
            probeDirty = true;
        } else if (e instanceof GrowthEvent.SelectionMade s) {
            probeDirty = false;
            neurons.set(new NeuronFrame(String.format(Locale.ROOT, "Round %d · selection: %s → %s MACs",
                    s.round(), Formats.count(s.macsBefore()), Formats.count(s.macsAfter())), s.strategy(), s.layers()));
            status.set(String.format(Locale.ROOT, "Round %d/%d · %s selected for splitting", s.round(), rounds,
                    Formats.counted(s.neuronsAdded(), "neuron")));
        } else if (e instanceof GrowthEvent.Progress p) {
            // Jobs without rounds (baselines, training) are running once they report progress.
            transition(GrowthState.STARTING, GrowthState.RUNNING);
            round = p.round();
            progress.set(p.fraction());
            if (state.get() == GrowthState.STOPPING) {
                return; // the status says it is stopping, which is what matters now
            }
            eta.set(Double.isFinite(p.etaSeconds()) ? Formats.duration(p.etaSeconds()) : rounds > 0 ? ESTIMATING : "");
            String loss = Double.isFinite(p.loss()) ? String.format(Locale.ROOT, " · loss %.3f", p.loss()) : "";
            String where = rounds > 0 ? String.format(Locale.ROOT, "Round %d/%d", p.round(), rounds) : noun;
            status.set(String.format(Locale.ROOT, "%s · %s · %.0f %%%s", where, p.phase(), 100 * p.fraction(), loss));
        } else if (e instanceof GrowthEvent.EpochFinished f) {
            epochs.add(new EpochPoint(f.round(), f.metrics()));
        } else if (e instanceof GrowthEvent.RoundRetried r) {
            status.set(String.format(Locale.ROOT, "Round %d: %s; retrying with learning rate %.3g", r.round(), r.reason(),
                    r.newLr()));
        } else if (e instanceof GrowthEvent.Note n) {
            status.set(noun + " · " + n.message());
        } else if (e instanceof GrowthEvent.Finished f) {
            terminalMessage = noun + " finished: " + summary(f);
        } else if (e instanceof GrowthEvent.Cancelled c) {
            terminalMessage = c.round() > 0 ? "Stopped in round " + c.round() + "; the rounds stored before are kept"
                    : "Stopped before the first round";
        } else if (e instanceof GrowthEvent.Failed f) {
            terminalMessage = noun + " failed " + (f.round() > 0 ? "in round " + f.round() : "before the first round")
                    + ": " + f.message();
        }
    }

    /**
     * "2 rounds, 327.1 k → 464.5 k MACs, accuracy 90.12 % → 91.03 %", from the stored candidates; the
     * session's own summary (the CLI's line) when they do not tell.
     */
    private String summary(GrowthEvent.Finished f) {
        List<dev.mitosis.run.CandidateRecord> all = f.candidates();
        Optional<dev.mitosis.run.CandidateRecord> first = all.stream().filter(c -> c.method() == Method.SEED).findFirst();
        Optional<dev.mitosis.run.CandidateRecord> last = all.stream().filter(c -> c.method() == Method.SPLIT)
                .reduce((a, b) -> b);
        if (first.isEmpty() || last.isEmpty()) {
            return f.summary();
        }
        String early = last.get().round() < rounds ? " (no split lowered the loss further)" : "";
        return Formats.counted(last.get().round(), "round") + early + ", " + Formats.count(first.get().macs()) + " → "
                + Formats.count(last.get().macs()) + " MACs, accuracy " + Formats.percent(first.get().accuracy())
                + " → " + Formats.percent(last.get().accuracy());
    }

    /** The MAC cost of one more neuron per layer of the round's parent, for live energy plots. */
    private Map<String, Long> costsOf(long parentId) {
        Optional<NetworkSpec> spec = workspace.stored().stream().filter(c -> c.id() == parentId).findFirst()
                .map(CandidateEntry::spec);
        Map<String, Long> out = new HashMap<>();
        spec.ifPresent(s -> {
            for (NeuronLayer l : s.topology().neuronLayers()) {
                out.put(l.key(), Costs.macIncrement(s, l));
            }
        });
        return out;
    }

    /** Publishes the merged probe estimates, at most every {@link #FRAME_NANOS}. */
    private void flushProbe() {
        long now = System.nanoTime();
        if (!probeDirty || now - lastFrame < FRAME_NANOS) {
            return;
        }
        probeDirty = false;
        lastFrame = now;
        List<LayerSnapshot> layers = new ArrayList<>();
        for (Map.Entry<String, double[]> e : probe.entrySet()) {
            layers.add(LayerSnapshot.live(e.getKey(), e.getValue(), costs.getOrDefault(e.getKey(), -1L)));
        }
        // The probe's percentage is in the status bar: a caption that changes every frame would make
        // the chart redraw its titles every frame.
        neurons.set(new NeuronFrame(String.format(Locale.ROOT, "Round %d · live probe", round), "", layers));
    }

    private void stored(CandidateEntry entry) {
        if (pendingRun != null) {
            workspace.open(new Documents.Opened(pendingRun, List.of(entry)));
            grownRun.set(pendingRun.store().directory());
            pendingRun = null;
            latestStored = entry.id();
            return;
        }
        CandidateEntry sel = workspace.selected();
        boolean follow = sel == null || sel.id() == entry.record().parentId() || sel.id() == latestStored
                || workspace.stored().isEmpty();
        workspace.addCandidate(entry);
        latestStored = entry.id();
        if (follow) {
            workspace.selectedProperty().set(entry);
        }
    }

    private void ended(LiveUpdate.Ended end) {
        flushProbe();
        // A run never shown was closed (and removed) by the task, on the engine thread.
        pendingRun = null;
        String message = end.message() != null && !end.message().isBlank() ? end.message() : terminalMessage;
        if (message.isBlank()) {
            message = switch (end.outcome()) {
                case CANCELLED -> "Stopped; the rounds stored before are kept";
                case FAILED -> noun + " failed";
                default -> noun + " finished";
            };
        }
        // The outcome first: the state's listeners (the failure dialog) read it.
        outcome.set(message);
        transition(state.get(), end.outcome());
        status.set(message);
        eta.set("");
        progress.set(end.outcome() == GrowthState.FINISHED ? 1 : 0);
        batcher.stop();
    }
}
