package dev.mitosis.app;

import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.app.common.FxmlFile;
import dev.mitosis.app.common.ControllerFactory;
import atlantafx.base.theme.PrimerLight;
import dev.mitosis.app.candidates.BudgetController;
import dev.mitosis.app.candidates.CandidateTableController;
import dev.mitosis.app.candidates.ComparisonController;
import dev.mitosis.app.charts.ChartsController;
import dev.mitosis.app.common.AppPaths;
import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.Dialogs;
import dev.mitosis.app.common.StatusNotes;
import dev.mitosis.app.export.ChartFiles;
import dev.mitosis.app.export.ExportMenu;
import dev.mitosis.app.export.NetworkExport;
import dev.mitosis.app.graph.LayerGraphController;
import dev.mitosis.app.grow.GrowOptions;
import dev.mitosis.app.grow.GrowOptionsController;
import dev.mitosis.app.grow.GrowService;
import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.app.grow.GrowthMonitor;
import dev.mitosis.app.grow.SessionBackend;
import dev.mitosis.app.help.AboutController;
import dev.mitosis.app.help.EngineInfo;
import dev.mitosis.app.help.FirstRunHintController;
import dev.mitosis.app.help.Help;
import dev.mitosis.app.help.HelpMenuController;
import dev.mitosis.app.help.ShortcutsController;
import dev.mitosis.app.mainwindow.MainWindowController;
import dev.mitosis.app.open.TemplateController;
import dev.mitosis.app.runs.RunsController;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.app.workspace.RecentFiles;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.engine.Devices;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The explorer's composition root: builds the shared state (workspace, growth monitor and service,
 * recent files, background threads), registers every controller's constructor with the
 * {@link ControllerFactory}, loads the main window and opens the first document. Tests and the
 * responsiveness benchmark build it with their own backend; {@link MitosisApp} with the real one.
 */
public final class Explorer implements AutoCloseable {

    /**
     * @param backend what Grow runs (the real growth session, or a synthetic one)
     * @param initial the document opened at start (off the FX thread)
     * @param devices the devices to offer ("cpu", "gpu:0", …), asked on the engine thread at start;
     *     the engine's answer loads PyTorch, which takes seconds, so tests pass their own
     */
    public record Options(GrowthBackend backend, Supplier<Documents.Opened> initial, Supplier<List<String>> devices) {

        /** The devices PyTorch sees: what the real explorer offers. */
        private static final Supplier<List<String>> ENGINE_DEVICES = Explorer::engineDevices;

        /** {@code detectDevices} false offers the CPU only and never loads PyTorch for it. */
        public Options(GrowthBackend backend, Supplier<Documents.Opened> initial, boolean detectDevices) {
            this(backend, initial, detectDevices ? ENGINE_DEVICES : () -> List.of("cpu"));
        }

        /** Whether the explorer asks PyTorch itself (tests and benchmarks answer for it, or offer the CPU). */
        public boolean detectDevices() {
            return devices == ENGINE_DEVICES;
        }

        public static Options defaults() {
            return new Options(new SessionBackend(), Documents::bundledSeed, true);
        }
    }

    public static final String STYLESHEET = "/dev/mitosis/app/explorer.css";

    private final Background background = new Background();
    private final Workspace workspace = new Workspace();
    private final GrowthMonitor monitor = new GrowthMonitor(workspace);
    private final GrowService growService;
    private final GrowOptions growOptions = new GrowOptions();
    private final StatusNotes notes = new StatusNotes();
    private final RecentFiles recent = RecentFiles.load(AppPaths.home().resolve("recent.json"));
    private final ChartFiles chartFiles = new ChartFiles(workspace, background, notes);
    private final ControllerFactory factory = new ControllerFactory();
    private final Help help = new Help(background, () -> factory);
    private final Parent root;
    private final MainWindowController main;

    private Explorer(Options options) {
        growService = new GrowService(options.backend(), background.engine(), monitor);
        ExportMenu exportMenu = new ExportMenu(new NetworkExport(workspace, background, notes), chartFiles);
        factory.register(MainWindowController.class, () -> new MainWindowController(workspace, growService, growOptions,
                        recent, background, notes, exportMenu, () -> factory))
                .register(LayerGraphController.class, () -> new LayerGraphController(workspace, background))
                .register(ChartsController.class, () -> new ChartsController(workspace, monitor, background, chartFiles))
                .register(CandidateTableController.class, () -> new CandidateTableController(workspace))
                .register(BudgetController.class, () -> new BudgetController(workspace))
                .register(ComparisonController.class, () -> new ComparisonController(workspace))
                .register(GrowOptionsController.class, () -> new GrowOptionsController(growOptions))
                .register(TemplateController.class, TemplateController::new)
                .register(RunsController.class, () -> new RunsController(background, recent, workspace, AppPaths.runs(),
                        this::openRun, this::resume))
                .register(HelpMenuController.class, () -> new HelpMenuController(help))
                .register(ShortcutsController.class, ShortcutsController::new)
                // Without device detection (tests, benchmarks) the About box does not load PyTorch either.
                .register(AboutController.class, () -> new AboutController(background,
                        options.detectDevices() ? EngineInfo::detect : EngineInfo::notLoaded))
                .register(FirstRunHintController.class, FirstRunHintController::new);
        ControllerFactory.View<MainWindowController> view = factory.load(FxmlFile.MAIN_WINDOW);
        root = view.root();
        main = view.controller();
        background.io(options.initial(), opened -> {
            // The user may have opened something else while the first network loaded.
            if (workspace.document() == null) {
                workspace.open(opened);
            }
        }, error -> Dialogs.error(null, "Cannot open the first network", error));
        background.engine(options.devices(), devices -> main.showDevices(devices, null),
                error -> main.showDevices(List.of(), Dialogs.message(error)));
    }

    /** The runs library's Open: what the Open button does with a chosen directory. */
    private void openRun(Path run) {
        main.openPath(run);
    }

    /** The runs library's Resume, for a stopped, failed or crashed run: open it and resume it. */
    private void resume(Path run) {
        main.resumeRun(run);
    }

    private static List<String> engineDevices() {
        return Devices.available().stream().map(DeviceChoice::toString).toList();
    }

    /** Builds the explorer on the FX thread. */
    public static Explorer create(Options options) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the explorer is built on the FX thread");
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        return new Explorer(options);
    }

    /** Puts the explorer in {@code stage} (title, icon, shortcuts, size) and shows it. */
    public void show(Stage stage) {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Explorer.class.getResource(STYLESHEET).toExternalForm());
        main.installAccelerators(scene);
        help.installAccelerators(scene);
        stage.setScene(scene);
        var icon = Explorer.class.getResourceAsStream("/dev/mitosis/app/mitosis.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> workspace.document() == null
                ? "Mitosis" : "Mitosis — " + workspace.document().title(), workspace.documentProperty()));
        stage.setOnCloseRequest(e -> {
            if (monitor.state().isActive() && !Dialogs.confirm(stage, "A growth is running",
                    "Stop it and quit? The rounds stored so far are kept in the run directory.")) {
                e.consume();
            }
        });
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        if (Double.isNaN(stage.getWidth())) {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1600, screen.getWidth()));
            stage.setHeight(Math.min(1000, screen.getHeight()));
            stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
        }
        stage.show();
    }

    /**
     * Points a new user to Grow, once (see {@link Help#showFirstRunHintOnce}); after {@link #show}. The
     * desktop app calls it; tests and benchmarks, which drive the window themselves, do not.
     */
    public void showFirstRunHint() {
        // The main window's Grow button, found by its id so that the window needs no hook for the hint.
        help.showFirstRunHintOnce(root.lookup("#growButton"));
    }

    public Parent root() {
        return root;
    }

    public Workspace workspace() {
        return workspace;
    }

    public GrowthMonitor monitor() {
        return monitor;
    }

    public MainWindowController main() {
        return main;
    }

    public LayerGraphController graph() {
        return main.graph();
    }

    public ChartsController charts() {
        return main.charts();
    }

    public GrowOptions growOptions() {
        return growOptions;
    }

    public RecentFiles recent() {
        return recent;
    }

    public ChartFiles chartFiles() {
        return chartFiles;
    }

    public Help help() {
        return help;
    }

    /** Stops a running growth (it finishes its batch), closes the document and the background threads. */
    @Override
    public void close() {
        growService.stop();
        if (workspace.document() != null && !monitor.state().isActive()) {
            workspace.document().close();
        }
        background.close();
    }
}
