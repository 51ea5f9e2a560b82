package dev.mitosis.app.runs;

import dev.mitosis.app.candidates.Cells;
import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.Dialogs;
import dev.mitosis.app.workspace.RecentFiles;
import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.store.RunState;
import dev.mitosis.text.Formats;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.transformation.SortedList;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;

/**
 * The runs library: the runs under the runs directory and the recent runs, with where each stands, and
 * Open, Resume, Rename, Delete and Reveal for the selected one. The listing and every change run on the
 * I/O thread; the table shows finished {@link RunRow}s. Open and Resume are the explorer's (injected), so
 * that this view never opens documents or starts growths itself.
 */
public final class RunsController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final Background background;
    private final RecentFiles recent;
    private final Workspace workspace;
    private final Path root;
    private final Consumer<Path> open;
    private final Consumer<Path> resume;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private Runnable done = () -> { };

    @FXML
    private Label rootLabel;
    @FXML
    private TableView<RunRow> runsTable;
    @FXML
    private TableColumn<RunRow, String> nameColumn;
    @FXML
    private TableColumn<RunRow, String> seedColumn;
    @FXML
    private TableColumn<RunRow, Number> roundsColumn;
    @FXML
    private TableColumn<RunRow, Number> accuracyColumn;
    @FXML
    private TableColumn<RunRow, Number> macsColumn;
    @FXML
    private TableColumn<RunRow, Instant> changedColumn;
    @FXML
    private TableColumn<RunRow, String> stateColumn;
    @FXML
    private Label pathLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private Button openRunButton;
    @FXML
    private Button resumeRunButton;
    @FXML
    private Button renameButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button revealButton;

    /**
     * @param root the runs directory listed (besides the recent runs)
     * @param open opens a run in the explorer, as the Open button does
     * @param resume resumes a stopped, failed or crashed run (the Grow side's; see the explorer)
     */
    public RunsController(Background background, RecentFiles recent, Workspace workspace, Path root,
                          Consumer<Path> open, Consumer<Path> resume) {
        this.background = background;
        this.recent = recent;
        this.workspace = workspace;
        this.root = root;
        this.open = open;
        this.resume = resume;
    }

    @FXML
    private void initialize() {
        rootLabel.setText("Runs in " + root + ", and recent runs elsewhere");
        SortedList<RunRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(runsTable.comparatorProperty());
        runsTable.setItems(sorted);
        Cells.value(nameColumn, RunRow::name);
        Cells.value(seedColumn, RunRow::seed);
        Cells.value(roundsColumn, RunRow::rounds);
        Cells.value(accuracyColumn, RunRow::bestAccuracy);
        Cells.value(macsColumn, RunRow::bestMacs);
        Cells.value(changedColumn, RunRow::lastChange);
        Cells.value(stateColumn, RunRow::stateText);
        Cells.text(accuracyColumn, n -> Formats.percent(n.doubleValue()));
        Cells.text(macsColumn, n -> n.longValue() == 0 ? "–" : Formats.count(n.doubleValue()));
        Cells.text(changedColumn, t -> t.equals(Instant.EPOCH) ? "–" : WHEN.format(t));
        runsTable.setPlaceholder(new Label("Reading runs…"));
        runsTable.setRowFactory(t -> {
            TableRow<RunRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openRun();
                }
            });
            return row;
        });
        var selected = runsTable.getSelectionModel().selectedItemProperty();
        BooleanBinding unreadable = Bindings.createBooleanBinding(() -> selected.get() == null
                || !selected.get().readable(), selected);
        openRunButton.disableProperty().bind(unreadable);
        renameButton.disableProperty().bind(unreadable);
        deleteButton.disableProperty().bind(unreadable);
        revealButton.disableProperty().bind(selected.isNull());
        resumeRunButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || !selected.get().resumable(), selected));
        pathLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            RunRow r = selected.get();
            return r == null ? "" : r.readable() ? r.directory().toString() : r.directory() + ": " + r.problem();
        }, selected));
        refresh();
    }

    /** Called when the user is done with the dialog: Open and Resume close it. */
    void onDone(Runnable action) {
        done = action;
    }

    /** Reads the listing again (off the FX thread), keeping the selected run selected. */
    @FXML
    void refresh() {
        refresh(null);
    }

    private void refresh(Path select) {
        List<Path> recentPaths = List.copyOf(recent.paths());
        background.io(() -> RunLibrary.list(root, recentPaths), list -> {
            // the run asked for (a renamed one), else what the user selected while the listing was read
            Path keep = select != null ? select : selectedRun().map(RunRow::directory).orElse(null);
            rows.setAll(list);
            runsTable.setPlaceholder(new Label("No runs in " + root + " or in the recent list"));
            // that run, else the newest, so that the keys (↑/↓, Enter to open) work at once
            runsTable.getItems().stream().filter(r -> r.directory().equals(keep)).findFirst()
                    .or(() -> runsTable.getItems().stream().findFirst())
                    .ifPresent(r -> runsTable.getSelectionModel().select(r));
            runsTable.requestFocus();
        }, error -> say("Cannot list the runs: " + Dialogs.message(error), true));
    }

    private Optional<RunRow> selectedRun() {
        return Optional.ofNullable(runsTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void openRun() {
        selectedRun().filter(RunRow::readable).ifPresent(r -> {
            done.run();
            open.accept(r.directory());
        });
    }

    @FXML
    private void resumeRun() {
        selectedRun().filter(RunRow::resumable).ifPresent(r -> {
            done.run();
            resume.accept(r.directory());
        });
    }

    @FXML
    private void renameRun() {
        Optional<RunRow> run = selectedRun().filter(this::changeable);
        if (run.isEmpty()) {
            return;
        }
        Path dir = run.get().directory();
        TextInputDialog ask = new TextInputDialog(run.get().name());
        ask.initOwner(Dialogs.windowOf(runsTable));
        ask.setTitle("Mitosis");
        ask.setHeaderText("Rename run " + run.get().name());
        ask.setContentText("New name (beside it, in " + dir.getParent() + "):");
        Optional<String> name = ask.showAndWait().filter(n -> !n.strip().equals(run.get().name()));
        name.ifPresent(n -> background.io(() -> RunLibrary.rename(dir, n), renamed -> {
            // the old path no longer exists; the renamed run goes to the front, as a run just touched
            if (recent.paths().contains(dir)) {
                recent.remove(dir);
                recent.add(renamed);
            }
            say("Renamed " + run.get().name() + " to " + renamed.getFileName(), false);
            refresh(renamed);
        }, error -> say("Not renamed: " + Dialogs.message(error), true)));
    }

    @FXML
    private void deleteRun() {
        Optional<RunRow> run = selectedRun().filter(this::changeable);
        if (run.isEmpty()) {
            return;
        }
        RunRow r = run.get();
        if (!Dialogs.confirm(Dialogs.windowOf(runsTable), "Delete run " + r.name() + "?",
                "Its " + Formats.counted(r.candidates(), "candidate") + " and their models are removed from disk ("
                        + r.directory() + "). This cannot be undone.")) {
            return;
        }
        background.io(() -> {
            RunLibrary.delete(r.directory());
            return r.directory();
        }, gone -> {
            recent.remove(gone);
            say("Deleted " + r.name(), false);
            refresh(null);
        }, error -> {
            say("Not deleted: " + Dialogs.message(error), true);
            refresh(r.directory());
        });
    }

    @FXML
    private void revealRun() {
        selectedRun().ifPresent(r -> background.io(() -> FileManager.reveal(r.directory()), shown -> {
            if (shown) {
                say("Opened " + r.directory() + " in the file manager", false);
            } else {
                ClipboardContent path = new ClipboardContent();
                path.putString(r.directory().toString());
                Clipboard.getSystemClipboard().setContent(path);
                say("No file manager to open; copied the path to the clipboard: " + r.directory(), false);
            }
        }, error -> say("Cannot reveal " + r.name() + ": " + Dialogs.message(error), true)));
    }

    /** Whether the run may be renamed or deleted; says why not when it may not. */
    private boolean changeable(RunRow r) {
        if (r.state().orElse(null) == RunState.GROWING) {
            // the listing may be old: RunLibrary asks again before changing anything
            say(r.name() + " is growing; it can be renamed or deleted when its growth ends", true);
            return false;
        }
        return notOpen(r);
    }

    /**
     * The open run's store and model paths point into its directory, so moving or removing it under the
     * explorer would break the views: refused, with what to do instead.
     */
    private boolean notOpen(RunRow r) {
        if (workspace.document() instanceof RunDocument doc
                && doc.store().directory().toAbsolutePath().normalize().equals(r.directory())) {
            say(r.name() + " is open in the explorer; open another run or model first", true);
            return false;
        }
        return true;
    }

    private void say(String text, boolean refusal) {
        messageLabel.setText(text);
        messageLabel.getStyleClass().remove("edit-error");
        if (refusal) {
            messageLabel.getStyleClass().add("edit-error");
        }
    }
}
