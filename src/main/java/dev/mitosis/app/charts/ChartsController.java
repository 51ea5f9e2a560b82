package dev.mitosis.app.charts;

import dev.mitosis.app.grow.EpochPoint;
import dev.mitosis.app.grow.NeuronFrame;
import dev.mitosis.app.common.Background;
import dev.mitosis.app.grow.GrowthMonitor;
import dev.mitosis.app.grow.GrowthState;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Document;
import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.train.EpochMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre tabs. While a growth runs, the Eigenvalues, Energy and Training charts follow the
 * {@link GrowthMonitor}'s live snapshots; otherwise they show the selected candidate: the statistics of
 * the round that produced it and the fine-tuning epochs of every round along its lineage, read from the
 * run store off the FX thread. The Frontier always shows every candidate, the budget and the selection.
 */
public final class ChartsController {

    private static final Logger LOG = LoggerFactory.getLogger(ChartsController.class);

    private final Workspace workspace;
    private final GrowthMonitor monitor;
    private final Background background;
    private final ChartView.Saver saver;
    private final EigenvalueChart eigen = new EigenvalueChart();
    private final EnergyCharts energy = new EnergyCharts();
    private final TrainingChart training = new TrainingChart();
    private final FrontierChart frontier = new FrontierChart();
    private final Map<Tab, ChartView> mainView = new HashMap<>();
    private long loadGeneration;
    /** Live frames for a tab in the back wait here until the tab is shown: hidden charts never redraw. */
    private NeuronFrame pendingEigen;
    private NeuronFrame pendingEnergy;
    private List<EpochPoint> pendingEpochs;
    private String pendingEpochsCaption = "";
    private Optional<String> pendingEpochsRunning = Optional.empty();
    /**
     * The live growth's round whose selection was made last (0 before the first): the monitor publishes
     * one selection frame per round, and a growth from the explorer starts at round 1.
     */
    private int liveRound;
    /** Rounds and fine-tuning epochs per round of the live growth, from its run's config once it is open. */
    private Optional<LiveRounds> liveRounds = Optional.empty();

    @FXML
    private TabPane tabs;
    @FXML
    private Tab eigenTab;
    @FXML
    private Tab energyTab;
    @FXML
    private Tab trainingTab;
    @FXML
    private Tab frontierTab;
    @FXML
    private StackPane eigenPane;
    @FXML
    private SplitPane energyPane;
    @FXML
    private StackPane trainingPane;
    @FXML
    private StackPane frontierPane;

    public ChartsController(Workspace workspace, GrowthMonitor monitor, Background background, ChartView.Saver saver) {
        this.workspace = workspace;
        this.monitor = monitor;
        this.background = background;
        this.saver = saver;
    }

    @FXML
    private void initialize() {
        ChartView eigenView = view(eigen, "eigenvalues-chart");
        ChartView costView = view(energy.costs(), "cost-chart");
        ChartView scatterView = view(energy.scatter(), "energy-chart");
        ChartView trainingView = view(training, "training-chart");
        ChartView frontierView = view(frontier, "frontier-chart");
        eigenPane.getChildren().add(eigenView);
        energyPane.getItems().addAll(costView, scatterView);
        energyPane.setDividerPositions(0.38);
        trainingPane.getChildren().add(trainingView);
        frontierPane.getChildren().add(frontierView);
        mainView.put(eigenTab, eigenView);
        mainView.put(energyTab, scatterView);
        mainView.put(trainingTab, trainingView);
        mainView.put(frontierTab, frontierView);

        frontierView.viewer().addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item) {
                    frontier.entryAt(item).ifPresent(workspace.selectedProperty()::set);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        workspace.candidates().addListener((ListChangeListener<CandidateEntry>) c -> frontier.show(workspace.stored()));
        workspace.budgetProperty().addListener((o, a, b) -> frontier.setBudget(b.doubleValue()));
        workspace.selectedProperty().addListener((o, a, b) -> {
            highlight();
            loadSelected();
        });
        workspace.comparedProperty().addListener((o, a, b) -> highlight());
        monitor.neuronsProperty().addListener((o, a, frame) -> {
            if (monitor.state().isActive() && frame != null) {
                showNeurons(frame);
                if (frame.hasSelection()) {
                    liveRound++;
                    showLiveEpochs();
                }
            }
        });
        monitor.epochs().addListener((ListChangeListener<EpochPoint>) c -> {
            if (monitor.state().isActive()) {
                showLiveEpochs();
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> flushPending());
        monitor.stateProperty().addListener((o, a, state) -> {
            if (state == GrowthState.STARTING) {
                liveRound = 0;
                liveRounds = Optional.empty();
                showNeurons(null);
                // the monitor may still hold the last growth's epochs: it clears them after this transition
                showEpochs(List.of(), "Live run", Optional.of(liveNote()));
            } else if (a != null && a.isActive() && !state.isActive()) {
                // the epochs stay until another candidate is chosen; what ran has ended
                showEpochs(List.copyOf(monitor.epochs()), "Live run", Optional.empty());
            }
        });
        workspace.documentProperty().addListener((o, a, doc) -> documentOpened(doc));
        documentOpened(workspace.document());
        frontier.show(workspace.stored());
        frontier.setBudget(workspace.budgetProperty().get());
        highlight();
        loadSelected();
    }

    public EigenvalueChart eigenvalues() {
        return eigen;
    }

    public TrainingChart training() {
        return training;
    }

    public FrontierChart frontier() {
        return frontier;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The chart of the tab in front (the λ-vs-cost chart for Energy), for the toolbar's export menu. */
    public ChartView currentView() {
        return mainView.get(tabs.getSelectionModel().getSelectedItem());
    }

    private ChartView view(ChartSource source, String id) {
        ChartView v = new ChartView(source, saver);
        v.setId(id);
        return v;
    }

    private void highlight() {
        CandidateEntry a = workspace.selected();
        frontier.setHighlights(a == null || a.draft() ? null : a, workspace.comparedProperty().get());
    }

    /** What the charts show for a candidate that is not growing now. */
    private record Loaded(NeuronFrame frame, List<EpochPoint> epochs, String caption) {
    }

    private void loadSelected() {
        if (monitor.state().isActive()) {
            return;
        }
        CandidateEntry entry = workspace.selected();
        Document doc = workspace.document();
        long generation = ++loadGeneration;
        if (entry == null || doc == null) {
            show(new Loaded(null, List.of(), ""));
            return;
        }
        List<CandidateRecord> all = workspace.stored().stream().map(CandidateEntry::record).toList();
        CandidateRecord record = entry.draft() ? all.stream().filter(r -> r.id() == entry.record().parentId())
                .findFirst().orElse(entry.record()) : entry.record();
        background.io(() -> load(doc, record, all), loaded -> {
            if (current(generation)) {
                show(loaded);
            }
        }, error -> {
            if (current(generation)) {
                LOG.warn("cannot read the statistics of candidate {}", record.id(), error);
                show(new Loaded(null, List.of(), ""));
            }
        });
    }

    /** A load still worth showing: no later selection started another, and no growth took the charts over. */
    private boolean current(long generation) {
        return generation == loadGeneration && !monitor.state().isActive();
    }

    private void show(Loaded loaded) {
        showNeurons(loaded.frame());
        showEpochs(loaded.epochs(), loaded.caption(), Optional.empty());
    }

    private void showNeurons(NeuronFrame frame) {
        pendingEigen = frame;
        pendingEnergy = frame;
        flushPending();
    }

    private void showEpochs(List<EpochPoint> epochs, String caption, Optional<String> running) {
        pendingEpochs = epochs;
        pendingEpochsCaption = caption;
        pendingEpochsRunning = running;
        flushPending();
    }

    private void showLiveEpochs() {
        showEpochs(List.copyOf(monitor.epochs()), "Live run", Optional.of(liveNote()));
    }

    /**
     * What the live growth does until its next epoch ends: the Training chart gets data once per epoch
     * only, and an epoch can take minutes.
     */
    private String liveNote() {
        if (liveRound == 0) {
            return "round 1 starts with the probe; its fine-tuning epochs appear here";
        }
        long done = monitor.epochs().stream().filter(p -> p.round() == liveRound).count();
        Optional<LiveRounds> plan = liveRounds;
        if (plan.isPresent() && done >= plan.get().epochs()) {
            return liveRound < plan.get().rounds()
                    ? String.format(Locale.ROOT, "round %d fine-tuned; probing round %d", liveRound, liveRound + 1)
                    : String.format(Locale.ROOT, "round %d fine-tuned", liveRound);
        }
        return String.format(Locale.ROOT, "fine-tuning round %d, epoch %d%s…", liveRound, done + 1,
                plan.map(p -> " of " + p.epochs()).orElse(""));
    }

    /** A live growth's plan, as its run stored it. */
    private record LiveRounds(int rounds, int epochs) {
    }

    /**
     * Reads what the charts need of a newly opened document off the FX thread: how many test images its
     * accuracies are measured on, and for the run of a live growth its rounds and epochs.
     */
    private void documentOpened(Document doc) {
        if (doc == null) {
            return;
        }
        boolean live = monitor.state().isActive() && doc instanceof RunDocument;
        background.io(() -> new Opened(doc.testImages(), live ? liveRounds((RunDocument) doc) : Optional.empty()),
                opened -> {
                    if (workspace.document() != doc) {
                        return;
                    }
                    frontier.setTestImages(opened.testImages());
                    training.setTestImages(opened.testImages());
                    if (live && monitor.state().isActive()) {
                        liveRounds = opened.rounds();
                        showLiveEpochs();
                    }
                }, error -> LOG.warn("cannot read the settings of {}", doc.title(), error));
    }

    private record Opened(OptionalInt testImages, Optional<LiveRounds> rounds) {
    }

    private static Optional<LiveRounds> liveRounds(RunDocument run) {
        try {
            GrowthConfig g = run.config().growth();
            return Optional.of(new LiveRounds(g.rounds(), g.fineTune().epochs()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Hands pending data to the chart in front only; the others get theirs when their tab is chosen. */
    private void flushPending() {
        Tab front = tabs.getSelectionModel().getSelectedItem();
        if (front == eigenTab && pendingEigen != SHOWN) {
            eigen.show(pendingEigen);
            pendingEigen = SHOWN;
        } else if (front == energyTab && pendingEnergy != SHOWN) {
            energy.show(pendingEnergy);
            pendingEnergy = SHOWN;
        } else if (front == trainingTab && pendingEpochs != null) {
            training.show(pendingEpochs, pendingEpochsCaption, pendingEpochsRunning);
            pendingEpochs = null;
        }
    }

    /** Marks "nothing pending" (null is a real value: the empty chart). */
    private static final NeuronFrame SHOWN = new NeuronFrame("", "", List.of());

    /** Reads a candidate's round statistics and its lineage's epochs (I/O thread). */
    private static Loaded load(Document doc, CandidateRecord record, List<CandidateRecord> all) {
        List<LayerSnapshot> stats = doc.neuronStats(record);
        NeuronFrame frame = stats.isEmpty() ? null : new NeuronFrame(String.format(Locale.ROOT, "#%d · round %d (%s)",
                record.id(), record.round(), record.method()), doc.strategy(), stats);
        Deque<CandidateRecord> lineage = new ArrayDeque<>();
        Map<Long, CandidateRecord> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        for (CandidateRecord r = record; r != null && lineage.size() < 10_000; r = byId.get(r.parentId())) {
            lineage.addFirst(r);
            if (r.parentId() == 0) {
                break;
            }
        }
        List<EpochPoint> epochs = new ArrayList<>();
        for (CandidateRecord r : lineage) {
            if (r.round() > 0) {
                for (EpochMetrics m : doc.epochs(r.round(), r.method().id())) {
                    epochs.add(new EpochPoint(r.round(), m));
                }
            }
        }
        return new Loaded(frame, epochs, String.format(Locale.ROOT, "Rounds leading to #%d", record.id()));
    }
}
