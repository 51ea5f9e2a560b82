package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.app.grow.GrowthState;
import dev.mitosis.build.BuildInfo;
import dev.mitosis.app.help.Help;
import dev.mitosis.app.help.Shortcuts;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help: the shortcuts sheet (F1), the About dialog, the window's shortcuts, the first-run hint. */
class HelpTest extends ExplorerTest {

    /** Set by the backend while a growth "runs"; it runs until Stop. */
    private final AtomicBoolean growing = new AtomicBoolean();
    @TempDir
    Path tmp;

    @Override
    Explorer open(Stage stage) {
        GrowthBackend untilStopped = (r, s, sink, cancel) -> {
            growing.set(true);
            while (!cancel.isCancelled()) {
                Thread.sleep(20);
            }
            growing.set(false);
        };
        return ExplorerFixture.start(stage, untilStopped, Documents::bundledSeed);
    }

    private void waitForSeed() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
    }

    @Test
    void f1OpensTheShortcutsSheet() {
        waitForSeed();
        clickOn("#candidatesTable");
        type(KeyCode.F1);
        waitUntil(5, "the shortcuts sheet", () -> lookup("#shortcutsTable").tryQuery().isPresent());
        TableView<Shortcuts.Row> table = lookup("#shortcutsTable").queryTableView();
        List<String> keys = onFx(() -> table.getItems().stream().map(Shortcuts.Row::keys).toList());
        assertThat(keys).contains(Shortcuts.GROW.getDisplayText(), Shortcuts.EXPORT.getDisplayText(),
                Shortcuts.OPEN.getDisplayText(), Shortcuts.RUNS.getDisplayText(), Shortcuts.HELP.getDisplayText());
        assertThat(keys).anyMatch(k -> k.contains(Shortcuts.STOP.getDisplayText()));
        // F1 again brings the same sheet to the front instead of a second one
        type(KeyCode.F1);
        assertThat(lookup("#shortcutsTable").queryAll()).hasSize(1);
    }

    @Test
    void theAboutDialogShowsTheVersion() {
        waitForSeed();
        clickOn("#helpButton");
        clickOn("About Mitosis");
        waitUntil(5, "the About dialog", () -> lookup("#versionLabel").tryQuery().isPresent());
        String expected = BuildInfo.read().describe();
        assertThat(expected).startsWith("mitosis ").contains("commit ");
        waitUntil(5, "the version", () -> lookup("#versionLabel").queryAs(Label.class).getText().equals(expected));
        // this explorer does not load PyTorch at start, nor does its About box: the engine line says so
        waitUntil(5, "the engine line", () -> lookup("#engineLabel").queryAs(Label.class).getText().startsWith("DJL "));
        assertThat(lookup("#engineLabel").queryAs(Label.class).getText()).contains("PyTorch");
        assertThat(lookup("#aboutDeviceLabel").queryAs(Label.class).getText()).startsWith("Device: ");
    }

    @Test
    void ctrlGOpensGrowAndEscapeStopsTheGrowth() {
        waitForSeed();
        clickOn("#candidatesTable");
        press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        waitUntil(10, "the Grow dialog", () -> lookup("#runDirectory").tryQuery().isPresent());
        clickOn(lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Cancel")).queryButton());
        waitUntil(5, "the dialog to close", () -> lookup("#runDirectory").tryQuery().isEmpty());

        GrowRequest r = new GrowRequest(1, GrowthConfig.Strategy.ENERGY_AWARE, 0.2, OptionalLong.empty(), false, 1,
                0.02, 1, 256, DeviceChoice.CPU, "sample", 64, 64, tmp.resolve("run"), 1);
        assertThat(onFx(() -> explorer.main().startGrowth(r, explorer.workspace().selected()))).isTrue();
        waitUntil(10, "the growth to run", () -> growing.get() && explorer.monitor().state().canStop());
        clickOn("#candidatesTable");
        type(KeyCode.ESCAPE);
        waitUntil(10, "the growth to stop", () -> !explorer.monitor().state().isActive());
        assertThat(onFx(() -> explorer.monitor().state())).isEqualTo(GrowthState.CANCELLED);
        assertThat(growing.get()).isFalse();

        // Ctrl+. stops too
        assertThat(onFx(() -> explorer.main().startGrowth(r.withRunDirectory(tmp.resolve("run2")),
                explorer.workspace().selected()))).isTrue();
        waitUntil(10, "the second growth to run", () -> growing.get() && explorer.monitor().state().canStop());
        press(KeyCode.CONTROL).type(KeyCode.PERIOD).release(KeyCode.CONTROL);
        waitUntil(10, "the second growth to stop", () -> !explorer.monitor().state().isActive());
    }

    @Test
    void ctrlEOpensTheExportMenuAndCtrlOIsOpen() {
        waitForSeed();
        clickOn("#candidatesTable");
        MenuButton export = lookup("#exportButton").queryAs(MenuButton.class);
        press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil(5, "the Export menu", export::isShowing);
        type(KeyCode.ESCAPE);
        waitUntil(5, "the Export menu to close", () -> !export.isShowing());
        // Ctrl+O opens the system's directory chooser, which a headless test cannot answer: check the binding
        Scene scene = onFx(() -> export.getScene());
        assertThat(onFx(() -> scene.getAccelerators().containsKey(Shortcuts.OPEN))).isTrue();
    }

    @Test
    void theFirstRunHintShowsOnce() throws Exception {
        waitForSeed();
        Files.deleteIfExists(Help.hintShownMarker());
        runFx(() -> explorer.showFirstRunHint());
        waitUntil(5, "the first-run hint", () -> explorer.help().hintShowing());
        assertThat(lookup("#firstRunHint").tryQuery()).isPresent();
        assertThat(Files.exists(Help.hintShownMarker())).isTrue();
        clickOn("Got it");
        waitUntil(5, "the hint to close", () -> !explorer.help().hintShowing());

        // Ctrl+G does what the Grow button does: the hint pointing at it goes away
        Files.deleteIfExists(Help.hintShownMarker());
        runFx(() -> explorer.showFirstRunHint());
        waitUntil(5, "the first-run hint again", () -> explorer.help().hintShowing());
        clickOn("#candidatesTable");
        press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        waitUntil(10, "the Grow dialog", () -> lookup("#runDirectory").tryQuery().isPresent());
        assertThat(onFx(() -> explorer.help().hintShowing())).isFalse();
        clickOn(lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Cancel")).queryButton());
        waitUntil(5, "the dialog to close", () -> lookup("#runDirectory").tryQuery().isEmpty());

        // the next start does not show it again
        runFx(() -> explorer.showFirstRunHint());
        Thread.sleep(500);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> explorer.help().hintShowing())).isFalse();
    }
}
