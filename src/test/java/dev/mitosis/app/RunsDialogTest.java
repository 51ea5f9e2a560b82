package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.common.AppPaths;
import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.app.grow.GrowthState;
import dev.mitosis.app.runs.RunRow;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.store.RunState;
import dev.mitosis.store.RunStore;
import dev.mitosis.text.Formats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runs library: the runs under the runs directory and the recent ones with their states, and Open,
 * Resume, Rename and Delete, which refuse a run that a writer holds (a growing run).
 */
class RunsDialogTest extends ExplorerTest {

    @TempDir
    Path elsewhere;
    private final String prefix = "runs-test-" + UUID.randomUUID().toString().substring(0, 8);
    private Path crashed;
    private Path stopped;
    private Path growing;
    private Path finished;
    /** The writer that keeps {@link #growing} growing. */
    private RunStore writer;

    @Override
    Explorer open(Stage stage) {
        GrowthBackend none = (r, s, sink, c) -> {
            throw new IllegalStateException("no growth in this test");
        };
        return ExplorerFixture.start(stage, none, Documents::bundledSeed);
    }

    @BeforeEach
    void createRuns() {
        Path root = AppPaths.runs();
        // a writer that died: the state says growing and nobody holds the lock
        crashed = FakeRun.create(root.resolve(prefix + "-crashed")).dir;
        stopped = FakeRun.create(root.resolve(prefix + "-stopped")).dir;
        mark(stopped, RunState.STOPPED);
        writer = RunStore.create(root.resolve(prefix + "-growing"),
                new RunConfig("sample", Optional.empty(), GrowthConfig.defaults()).toJson());
        growing = writer.directory();
        // outside the runs directory, listed because it is in the recent list
        finished = FakeRun.create(elsewhere.resolve(prefix + "-finished")).dir;
        mark(finished, RunState.FINISHED);
        runFx(() -> explorer.recent().add(finished));
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
    }

    @AfterEach
    void removeRuns() throws IOException {
        writer.close();
        runFx(() -> explorer.recent().paths().stream().filter(p -> p.getFileName().toString().startsWith(prefix))
                .toList().forEach(explorer.recent()::remove));
        try (Stream<Path> dirs = Files.list(AppPaths.runs())) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteTree(d);
            }
        }
    }

    private static void mark(Path dir, RunState state) {
        try (RunStore store = RunStore.openForWriting(dir)) {
            store.markState(state);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Opens the dialog with Ctrl+R and waits for its listing to include this test's runs. */
    private TableView<RunRow> openRunsDialog() {
        clickOn("#candidatesTable");
        press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        return listed();
    }

    private TableView<RunRow> listed() {
        waitUntil(10, "the runs dialog", () -> lookup("#runsTable").tryQuery().isPresent());
        TableView<RunRow> table = lookup("#runsTable").queryTableView();
        waitUntil(20, "the listing", () -> table.getItems().stream().filter(r -> r.name().startsWith(prefix)).count() == 4);
        return table;
    }

    private RunRow select(TableView<RunRow> table, Path dir) {
        return onFx(() -> {
            RunRow row = table.getItems().stream().filter(r -> r.directory().equals(dir)).findFirst()
                    .orElseThrow(() -> new AssertionError(dir + " not listed"));
            table.getSelectionModel().select(row);
            return row;
        });
    }

    private boolean disabled(String button) {
        return onFx(() -> lookup(button).queryAs(Button.class).isDisabled());
    }

    private String message() {
        return onFx(() -> lookup("#messageLabel").queryAs(Label.class).getText());
    }

    /** The dialog whose header starts with {@code header} (an alert, a name prompt), answered OK. */
    private void answerOk(String header) {
        waitUntil(5, header, () -> pane(header) != null);
        clickOn(onFx(() -> pane(header).lookupButton(ButtonType.OK)));
    }

    private DialogPane pane(String header) {
        return lookup(".dialog-pane").queryAll().stream().map(DialogPane.class::cast)
                .filter(p -> p.getHeaderText() != null && p.getHeaderText().startsWith(header)).findFirst().orElse(null);
    }

    private void rename(String header, String name) {
        waitUntil(5, header, () -> pane(header) != null);
        TextField field = onFx(() -> (TextField) pane(header).lookup(".text-field"));
        runFx(() -> field.setText(name));
        answerOk(header);
    }

    @Test
    void listsTheRunsAndTheRecentRunsWithTheirStates() {
        TableView<RunRow> table = openRunsDialog();
        Map<Path, RunRow> rows = onFx(() -> table.getItems().stream().collect(Collectors.toMap(RunRow::directory, r -> r)));
        assertThat(rows.get(crashed).stateText()).isEqualTo("crashed");
        assertThat(rows.get(stopped).stateText()).isEqualTo("stopped");
        assertThat(rows.get(growing).stateText()).isEqualTo("growing");
        assertThat(rows.get(finished).stateText()).isEqualTo("finished");
        RunRow run = rows.get(crashed);
        assertThat(run.seed()).isEqualTo(BundledSeed.load().spec().name());
        assertThat(run.rounds()).isEqualTo(3);
        assertThat(run.candidates()).isEqualTo(5);
        assertThat(Formats.percent(run.bestAccuracy())).isEqualTo("92.50 %");
        assertThat(rows.get(growing).candidates()).isZero();
        // the columns show them: the state and the best's accuracy as text
        assertThat(lookup(".table-row-cell").lookup((Node n) -> n instanceof javafx.scene.control.Labeled l
                && "crashed".equals(l.getText())).tryQuery()).isPresent();

        // Resume only for the runs that can go on after their last round
        select(table, stopped);
        assertThat(disabled("#resumeRunButton")).isFalse();
        select(table, crashed);
        assertThat(disabled("#resumeRunButton")).isFalse();
        select(table, growing);
        assertThat(disabled("#resumeRunButton")).isTrue();
        select(table, finished);
        assertThat(disabled("#resumeRunButton")).isTrue();
    }

    @Test
    void theOpenMenuHasRunsAndOpenOpensTheRun() {
        SplitMenuButton openButton = lookup("#openButton").queryAs(SplitMenuButton.class);
        MenuItem runs = onFx(() -> openButton.getItems().stream().filter(i -> "Runs…".equals(i.getText())).findFirst()
                .orElseThrow());
        runFx(runs::fire);
        TableView<RunRow> table = listed();
        select(table, finished);
        clickOn("#openRunButton");
        waitUntil(20, "the run to open", () -> explorer.workspace().document() != null
                && explorer.workspace().document().title().equals("run " + finished.getFileName()));
        assertThat(lookup("#runsTable").tryQuery()).isEmpty();
        assertThat(onFx(() -> explorer.recent().paths().get(0))).isEqualTo(finished);
    }

    @Test
    void resumeOpensTheRunAndResumesIt() {
        TableView<RunRow> table = openRunsDialog();
        select(table, stopped);
        clickOn("#resumeRunButton");
        waitUntil(20, "the run to open", () -> explorer.workspace().document() != null
                && explorer.workspace().document().title().equals("run " + stopped.getFileName()));
        // the fixture has stored all the rounds its config asks for: the resume has nothing left to grow,
        // ends at once and says the run is finished (JobsTest resumes a run that gains a round)
        waitUntil(30, "the resume to end", () -> explorer.monitor().state() == GrowthState.FINISHED);
        try (RunStore store = RunStore.open(stopped)) {
            assertThat(store.state()).isEqualTo(RunState.FINISHED);
        }
    }

    @Test
    void renameMovesTheRunAndRefusesTakenNamesPathsAndAGrowingRun() {
        TableView<RunRow> table = openRunsDialog();
        select(table, crashed);
        clickOn("#renameButton");
        rename("Rename run", stopped.getFileName().toString());
        waitUntil(5, "the refusal", () -> message().startsWith("Not renamed") && message().contains("already exists"));
        assertThat(crashed).isDirectory();

        clickOn("#renameButton");
        rename("Rename run", "a/b");
        waitUntil(5, "the refusal", () -> message().startsWith("Not renamed") && message().contains("not a path"));

        clickOn("#renameButton");
        Path renamed = crashed.resolveSibling(prefix + "-renamed");
        rename("Rename run", renamed.getFileName().toString());
        waitUntil(10, "the rename", () -> message().startsWith("Renamed"));
        assertThat(crashed).doesNotExist();
        assertThat(renamed.resolve(RunStore.DATABASE)).isRegularFile();
        waitUntil(10, "the new listing", () -> table.getItems().stream().anyMatch(r -> r.directory().equals(renamed)));
        assertThat(onFx(() -> table.getSelectionModel().getSelectedItem().directory())).isEqualTo(renamed);

        select(table, growing);
        clickOn("#renameButton");
        waitUntil(5, "the refusal", () -> message().contains("is growing"));
        assertThat(pane("Rename run")).isNull();
        assertThat(growing).isDirectory();
    }

    @Test
    void deleteAsksThenRemovesTheRunAndRefusesAGrowingRun() {
        TableView<RunRow> table = openRunsDialog();
        select(table, finished);
        clickOn("#deleteButton");
        waitUntil(5, "the confirmation", () -> pane("Delete run " + finished.getFileName()) != null);
        assertThat(onFx(() -> pane("Delete run").getContentText())).contains("5 candidates");
        answerOk("Delete run");
        waitUntil(10, "the deletion", () -> message().startsWith("Deleted"));
        assertThat(finished).doesNotExist();
        assertThat(onFx(() -> explorer.recent().paths())).doesNotContain(finished);
        waitUntil(10, "the new listing", () -> table.getItems().stream().noneMatch(r -> r.directory().equals(finished)));

        select(table, growing);
        clickOn("#deleteButton");
        waitUntil(5, "the refusal", () -> message().contains("is growing"));
        assertThat(pane("Delete run")).isNull();
        assertThat(growing.resolve(RunStore.DATABASE)).isRegularFile();

        // a run that started growing after the listing: asked again when deleting, and refused
        try (RunStore late = RunStore.openForWriting(stopped)) {
            late.markState(RunState.GROWING);
            select(table, stopped);
            clickOn("#deleteButton");
            answerOk("Delete run");
            waitUntil(10, "the refusal", () -> message().startsWith("Not deleted")
                    && message().contains("is being written"));
            assertThat(stopped.resolve(RunStore.DATABASE)).isRegularFile();
        }
        // a writer that does not mark the run growing (a baseline into a finished run) holds it all the same
        try (RunStore baseline = RunStore.openForWriting(crashed)) {
            select(table, crashed);
            clickOn("#deleteButton");
            answerOk("Delete run");
            waitUntil(10, "the refusal of a run under a baseline", () -> message().startsWith("Not deleted")
                    && message().contains("is being written"));
            assertThat(crashed.resolve(RunStore.DATABASE)).isRegularFile();
        }
    }
}
