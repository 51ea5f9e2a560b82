package dev.mitosis.app.mainwindow;

import dev.mitosis.app.common.ControllerFactory;
import dev.mitosis.app.charts.ChartsController;
import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.Dialogs;
import dev.mitosis.app.common.StatusNotes;
import dev.mitosis.app.export.ExportMenu;
import dev.mitosis.app.graph.LayerGraphController;
import dev.mitosis.app.baselines.BaselinesDialog;
import dev.mitosis.baseline.AutoSlimBaseline;
import dev.mitosis.baseline.BaselineRun;
import dev.mitosis.app.grow.BaselineRequest;
import dev.mitosis.app.grow.EngineJobs;
import dev.mitosis.app.grow.GrowDialog;
import dev.mitosis.app.grow.TrainRequest;
import dev.mitosis.app.train.TrainDialog;
import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.grow.StoredRun;
import dev.mitosis.store.RunState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import dev.mitosis.app.grow.GrowOptions;
import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowSeed;
import dev.mitosis.app.grow.GrowService;
import dev.mitosis.app.grow.GrowthMonitor;
import dev.mitosis.app.grow.GrowthState;
import dev.mitosis.app.help.Shortcuts;
import dev.mitosis.app.open.TemplateDialog;
import dev.mitosis.app.runs.RunsDialog;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Document;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.app.workspace.RecentFiles;
import dev.mitosis.app.workspace.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's frame: toolbar (Open · Templates · Grow · Resume · Baselines · Train · Stop · Undo/Redo ·
 * Export), the three panels
 * and the status bar (device, growth status, progress, ETA, notes). Opening and growing start here; the
 * work runs on the background threads and comes back as finished values. Export is the
 * {@link ExportMenu}'s.
 */
public final class MainWindowController {

    private final Workspace workspace;
    private final GrowService growService;
    private final GrowthMonitor monitor;
    private final GrowOptions growOptions;
    private final RecentFiles recent;
    private final Background background;
    private final StatusNotes notes;
    private final ExportMenu exportMenu;
    private final Supplier<ControllerFactory> factory;
    /** The open run's state (stopped, failed, …), read off the FX thread; null when no run is open. */
    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>(this, "runState");
    /** The model directory a training job writes, opened when it finishes; null when none runs. */
    private Path trainedModel;

    @FXML
    private SplitMenuButton openButton;
    @FXML
    private Button templatesButton;
    @FXML
    private Button growButton;
    @FXML
    private Button stopButton;
    @FXML
    private Button resumeButton;
    @FXML
    private Button baselinesButton;
    @FXML
    private Button trainButton;
    @FXML
    private Button undoButton;
    @FXML
    private Button redoButton;
    @FXML
    private MenuButton exportButton;
    @FXML
    private Label documentLabel;
    @FXML
    private Label deviceLabel;
    @FXML
    private Label statusLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label etaLabel;
    @FXML
    private Label noteLabel;
    @FXML
    private SplitPane mainSplit;
    @FXML
    private Label emptyDocument;
    @FXML
    private LayerGraphController graphController;
    @FXML
    private ChartsController chartsController;

    public MainWindowController(Workspace workspace, GrowService growService, GrowOptions growOptions,
                                RecentFiles recent, Background background, StatusNotes notes, ExportMenu exportMenu,
                                Supplier<ControllerFactory> factory) {
        this.workspace = workspace;
        this.growService = growService;
        this.monitor = growService.monitor();
        this.growOptions = growOptions;
        this.recent = recent;
        this.background = background;
        this.notes = notes;
        this.exportMenu = exportMenu;
        this.factory = factory;
    }

    @FXML
    private void initialize() {
        var active = Bindings.createBooleanBinding(() -> monitor.state().isActive(), monitor.stateProperty());
        openButton.disableProperty().bind(active);
        templatesButton.disableProperty().bind(active);
        growButton.disableProperty().bind(active.or(workspace.selectedProperty().isNull()));
        resumeButton.disableProperty().bind(active.or(Bindings.createBooleanBinding(() -> !resumable(runState.get()),
                runState)));
        baselinesButton.disableProperty().bind(active.or(runState.isNull()));
        trainButton.disableProperty().bind(active);
        stopButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !monitor.state().canStop(),
                monitor.stateProperty()));
        undoButton.disableProperty().bind(workspace.canUndoProperty().not().or(active));
        redoButton.disableProperty().bind(workspace.canRedoProperty().not().or(active));
        progressBar.progressProperty().bind(growService.progressProperty());
        progressBar.visibleProperty().bind(active);
        progressBar.managedProperty().bind(active);
        etaLabel.textProperty().bind(Bindings.createStringBinding(() -> monitor.etaProperty().get().isEmpty() ? ""
                : "ETA " + monitor.etaProperty().get(), monitor.etaProperty()));
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = monitor.statusProperty().get();
            return s.isEmpty() ? "Ready. Select a block to edit it, or click Grow." : s;
        }, monitor.statusProperty()));
        noteLabel.textProperty().bind(notes.noteProperty());
        documentLabel.textProperty().bind(Bindings.createStringBinding(() -> workspace.document() == null ? ""
                : workspace.document().title(), workspace.documentProperty()));
        monitor.stateProperty().addListener((o, was, now) -> {
            // A job stopped by closing the explorer ends after the threads stopped taking work.
            if (!now.isActive() && !background.isClosed()) {
                // A job may have changed the run's state (a resume finishes it) or written a model to open.
                refreshRunState();
                Path model = trainedModel;
                trainedModel = null;
                if (now == GrowthState.FINISHED && model != null) {
                    openPath(model);
                }
            }
            if (now == GrowthState.FAILED) {
                Dialogs.error(window(), "The " + monitor.jobNoun().toLowerCase(java.util.Locale.ROOT) + " failed",
                        monitor.outcomeProperty().get());
            }
        });
        monitor.grownRunProperty().addListener((o, was, now) -> {
            if (now != null) {
                recent.add(now);
            }
        });
        showEmptyDocument();
        workspace.documentProperty().addListener((o, was, now) -> showEmptyDocument());
        workspace.documentProperty().addListener((o, was, now) -> refreshRunState());
        workspace.candidates().addListener((ListChangeListener<CandidateEntry>) c -> showEmptyDocument());
        recent.paths().addListener((ListChangeListener<Path>) c -> rebuildOpenMenu());
        rebuildOpenMenu();
        exportMenu.install(exportButton, chartsController::currentView);
        deviceLabel.setText("Device: detecting…");
    }

    /**
     * A document without candidates (a run whose growth stopped before storing its seed) has nothing
     * for the panels to show, and they would keep showing the previous network: say so instead.
     */
    private void showEmptyDocument() {
        Document doc = workspace.document();
        boolean empty = doc != null && workspace.candidates().isEmpty();
        emptyDocument.setText(empty ? doc.title() + ": run empty, no candidates yet. Its growth stopped or failed"
                + " before the seed was evaluated and stored. Open another run or model, or start from a template."
                : "");
        emptyDocument.setVisible(empty);
        mainSplit.setVisible(!empty);
    }

    public LayerGraphController graph() {
        return graphController;
    }

    public ChartsController charts() {
        return chartsController;
    }

    /** Keyboard shortcuts of the window (the F1 sheet lists them): undo/redo, open, grow, stop, export. */
    public void installAccelerators(Scene scene) {
        scene.getAccelerators().put(Shortcuts.UNDO, this::undo);
        scene.getAccelerators().put(Shortcuts.REDO, this::redo);
        scene.getAccelerators().put(Shortcuts.REDO_TOO, this::redo);
        scene.getAccelerators().put(Shortcuts.OPEN, this::open);
        scene.getAccelerators().put(Shortcuts.RUNS, this::runs);
        // Firing the button, not calling grow(), so that the key does what a click does (the first-run
        // hint, for one, closes on the button's action), and nothing while the button is disabled.
        scene.getAccelerators().put(Shortcuts.GROW, () -> {
            if (!growButton.isDisabled()) {
                growButton.fire();
            }
        });
        scene.getAccelerators().put(Shortcuts.STOP, this::stop);
        scene.getAccelerators().put(Shortcuts.STOP_TOO, this::stop);
        scene.getAccelerators().put(Shortcuts.EXPORT, () -> {
            if (!exportButton.isDisabled()) {
                exportButton.show();
            }
        });
    }

    /** Shows what the engine found: "Device: auto → gpu:0 (cpu, gpu:0)". */
    public void showDevices(java.util.List<String> available, String error) {
        if (error != null) {
            deviceLabel.setText("Device: engine unavailable");
            deviceLabel.setTooltip(new javafx.scene.control.Tooltip(error));
            return;
        }
        growOptions.setDevices(available);
        String auto = available.stream().filter(d -> d.startsWith("gpu")).findFirst().orElse("cpu");
        deviceLabel.setText("Device: " + auto + (available.size() > 1 ? "  (" + String.join(", ", available) + ")" : ""));
    }

    // --- open -------------------------------------------------------------------------------------

    @FXML
    private void open() {
        if (monitor.state().isActive()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a model directory or a run directory");
        recent.paths().stream().findFirst().map(Path::getParent).filter(Files::isDirectory)
                .ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        File dir = chooser.showDialog(window());
        if (dir != null) {
            openPath(dir.toPath());
        }
    }

    /** Opens a model or run directory off the FX thread, then shows it and remembers it. */
    public java.util.concurrent.CompletableFuture<Documents.Opened> openPath(Path path) {
        return openPath(path, () -> { });
    }

    /** Opens a stopped, failed or crashed run and resumes it, as the runs library's Resume does. */
    public void resumeRun(Path run) {
        openPath(run, () -> {
            if (workspace.document() instanceof RunDocument doc && monitor.state().canStart()) {
                growService.submit(EngineJobs.resume(doc));
            }
        });
    }

    private java.util.concurrent.CompletableFuture<Documents.Opened> openPath(Path path, Runnable thenOnFx) {
        notes.post("Opening " + path + "…");
        return background.io(() -> Documents.open(path), opened -> {
            workspace.open(opened);
            recent.add(path);
            notes.post("Opened " + opened.document().title());
            thenOnFx.run();
        }, error -> {
            notes.post("");
            Dialogs.error(window(), "Cannot open " + path.getFileName(), error);
            if (!Files.exists(path)) {
                recent.remove(path);
            }
        });
    }

    /** Makes a document off the FX thread (reading the bundled seed, initialising a template), then shows it. */
    private void openMade(Supplier<Documents.Opened> make, String failure) {
        background.io(make, workspace::open, error -> Dialogs.error(window(), failure, error));
    }

    private void rebuildOpenMenu() {
        openButton.getItems().clear();
        MenuItem bundled = new MenuItem("Bundled seed (mbv1-seed, Fashion-MNIST)", new FontIcon("mdi2p-package-variant"));
        bundled.setOnAction(e -> openMade(Documents::bundledSeed, "Cannot open the bundled seed"));
        openButton.getItems().add(bundled);
        MenuItem runs = new MenuItem("Runs…", new FontIcon("mdi2b-bookshelf"));
        runs.setOnAction(e -> runs());
        openButton.getItems().add(runs);
        if (!recent.paths().isEmpty()) {
            openButton.getItems().add(new SeparatorMenuItem());
            for (Path p : recent.paths()) {
                MenuItem item = new MenuItem(p.toString(), new FontIcon("mdi2h-history"));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> openPath(p));
                openButton.getItems().add(item);
            }
        }
    }

    /** The runs library (Open ▸ Runs…, Ctrl+R); like Open, not while a growth runs. */
    private void runs() {
        if (!monitor.state().isActive()) {
            RunsDialog.show(window(), factory.get());
        }
    }

    @FXML
    private void templates() {
        TemplateDialog.show(window(), factory.get())
                .ifPresent(spec -> openMade(() -> Documents.template(spec, 1), "Cannot create " + spec.name()));
    }

    // --- grow -------------------------------------------------------------------------------------

    @FXML
    private void grow() {
        CandidateEntry sel = workspace.selected();
        if (sel == null || !monitor.state().canStart()) {
            return;
        }
        Optional<RunDocument> run = branchableRun(sel);
        if (run.isEmpty()) {
            showGrowDialog(sel, Optional.empty(), null);
            return;
        }
        // a branch shows the settings it will grow with: the run's, read from its store off the FX thread
        RunDocument doc = run.get();
        background.io(() -> GrowOptions.stored(doc.config(), doc.store().directory()),
                stored -> showGrowDialog(sel, run, stored),
                error -> Dialogs.error(window(), "Cannot read the run's settings", error));
    }

    private void showGrowDialog(CandidateEntry sel, Optional<RunDocument> run, GrowRequest stored) {
        if (workspace.selected() != sel || !monitor.state().canStart()) {
            return;
        }
        String name = sel.draft() ? "edit of #" + sel.record().parentId() : sel.spec().name() + " " + sel.displayId();
        GrowRequest initial = growOptions.initial(sel.spec().name());
        Optional<GrowDialog.Choice> choice = GrowDialog.show(window(), factory.get(), initial, name, sel.macs(),
                workspace.budgetProperty().get(), run.map(RunDocument::title).orElse(null), stored);
        choice.ifPresent(c -> {
            if (c.branch() && run.isPresent()) {
                startBranch(run.get(), sel, c.request().rounds(), c.request().device());
            } else {
                startGrowth(c.request(), sel);
            }
        });
    }

    /**
     * The open run, when {@code sel} is one of its stored candidates: growing it more can then be a branch
     * in that run instead of a new run whose seed it becomes.
     */
    private Optional<RunDocument> branchableRun(CandidateEntry sel) {
        if (sel.draft() || !(workspace.document() instanceof RunDocument run)
                || workspace.stored().stream().noneMatch(c -> c.id() == sel.id())) {
            return Optional.empty();
        }
        return Optional.of(run);
    }

    /** Grows {@code rounds} more rounds of the open run from its stored candidate {@code from}; false when busy. */
    public boolean startBranch(RunDocument run, CandidateEntry from, int rounds, dev.mitosis.engine.DeviceChoice device) {
        return growService.submit(EngineJobs.branch(run, from.id(), rounds, device));
    }

    // --- resume, baselines, train -----------------------------------------------------------------

    /** The open run's state, as last read (null when no run is open). */
    public ReadOnlyObjectProperty<RunState> runStateProperty() {
        return runState.getReadOnlyProperty();
    }

    private static boolean resumable(RunState s) {
        return s == RunState.STOPPED || s == RunState.FAILED || s == RunState.CRASHED;
    }

    /** Reads the open run's state on the I/O thread (a database query), and shows it if still open. */
    private void refreshRunState() {
        Document doc = workspace.document();
        if (!(doc instanceof RunDocument run)) {
            runState.set(null);
            return;
        }
        background.io(() -> run.store().state(), s -> {
            if (workspace.document() == doc) {
                runState.set(s);
            }
        }, error -> runState.set(null));
    }

    @FXML
    private void resume() {
        if (workspace.document() instanceof RunDocument run && resumable(runState.get())) {
            growService.submit(EngineJobs.resume(run));
        }
    }

    @FXML
    private void baselines() {
        if (!(workspace.document() instanceof RunDocument run) || !monitor.state().canStart()) {
            return;
        }
        // The budget and whether there are grown rounds come from the store: read off the FX thread.
        background.io(() -> new BaselinesDialog.Facts(StoredRun.epochBudget(run.store()),
                        BaselineRun.grownMacs(run.store()), AutoSlimBaseline.storedSearch(run.store().directory())),
                facts -> BaselinesDialog.show(window(), run.title(), facts, growOptions.devices())
                        .ifPresent(r -> startBaseline(run, r)),
                error -> Dialogs.error(window(), "Cannot read " + run.title(), error));
    }

    /** Trains the baseline {@code r} into the open run {@code run}; false when a job is active. */
    public boolean startBaseline(RunDocument run, BaselineRequest r) {
        return growService.submit(EngineJobs.baseline(run, r));
    }

    @FXML
    private void train() {
        if (monitor.state().canStart()) {
            TrainDialog.show(window(), growOptions.devices()).ifPresent(this::startTraining);
        }
    }

    /** Trains {@code r}'s template and opens the model when done; false when a job is active. */
    public boolean startTraining(TrainRequest r) {
        if (!growService.submit(EngineJobs.train(r))) {
            return false;
        }
        trainedModel = r.out();
        return true;
    }

    /** Starts growing the selected candidate (or draft) with {@code r}; false when a growth is active. */
    public boolean startGrowth(GrowRequest r, CandidateEntry from) {
        growOptions.remember(r);
        return growService.grow(r, seedOf(from));
    }

    /** The seed of a growth: a stored candidate's model or the draft's, built on the engine thread. */
    private GrowSeed seedOf(CandidateEntry sel) {
        Document doc = workspace.document();
        CandidateEntry trained = sel.draft() ? workspace.draft().orElseThrow().base() : sel;
        return new GrowSeed(sel.draft() ? "edit of " + trained.displayId() : trained.displayId(), workspace.modelOf(sel),
                () -> doc.normalization(trained.record()), () -> doc.totalEpochs(trained.record()));
    }

    @FXML
    private void stop() {
        growService.stop();
    }

    @FXML
    private void undo() {
        if (!monitor.state().isActive()) {
            workspace.undo();
        }
    }

    @FXML
    private void redo() {
        if (!monitor.state().isActive()) {
            workspace.redo();
        }
    }

    private Window window() {
        return Dialogs.windowOf(growButton);
    }
}
