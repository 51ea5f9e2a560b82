package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.grow.SessionBackend;
import dev.mitosis.app.workspace.Documents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grow dialog as the user meets it right after launch: devices still being detected, a typo in a path. */
class GrowDialogTest extends ExplorerTest {

    @TempDir
    Path tmp;

    /** Device detection that answers only when the test says so, as a slow PyTorch load does. */
    private final CountDownLatch detected = new CountDownLatch(1);

    @Override
    Explorer open(Stage stage) {
        return ExplorerFixture.start(stage, new Explorer.Options(new SessionBackend(), Documents::bundledSeed, () -> {
            try {
                detected.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of("cpu", "gpu:0");
        }));
    }

    private void openGrowDialog() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        clickOn("#growButton");
        waitUntil(10, "the Grow dialog", () -> lookup("#runDirectory").tryQuery().isPresent());
    }

    @Test
    void theDeviceBoxHasAValueWhileDetectingAndKeepsTheChoiceAfterwards() {
        openGrowDialog();
        assertThat(lookup("#deviceLabel").queryAs(Label.class).getText()).isEqualTo("Device: detecting…");
        @SuppressWarnings("unchecked")
        ChoiceBox<String> device = lookup("#device").queryAs(ChoiceBox.class);
        assertThat(onFx(device::getValue)).isEqualTo("auto");
        runFx(() -> device.setValue("cpu"));

        detected.countDown();
        waitUntil(10, "the detected devices", () -> device.getItems().contains("gpu:0"));
        assertThat(onFx(() -> List.copyOf(device.getItems()))).containsExactly("auto", "cpu", "gpu:0");
        assertThat(onFx(device::getValue)).isEqualTo("cpu");
        assertThat(lookup("#deviceLabel").queryAs(Label.class).getText()).startsWith("Device: gpu:0");
        clickOn(lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Cancel")).queryButton());
    }

    @Test
    void anErrorFitsInTheDialogAndGoesAwayOnceTheInputIsValid() throws Exception {
        detected.countDown();
        openGrowDialog();
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("run.db"), "");
        TextField dir = lookup("#runDirectory").queryAs(TextField.class);
        runFx(() -> dir.setText(taken.toString()));
        Button grow = lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Grow")).queryButton();
        clickOn(grow);
        Label problem = lookup("#problem").queryAs(Label.class);
        waitUntil(5, "the error", problem::isVisible);
        assertThat(problem.getText()).contains("exists and is not empty");
        // the buttons stay inside the dialog window
        waitUntil(5, "the dialog to fit its content", () -> {
            Bounds b = grow.localToScene(grow.getBoundsInLocal());
            return b.getMaxY() <= grow.getScene().getHeight() && b.getMinY() >= 0;
        });
        assertThat(onFx(() -> ((Stage) grow.getScene().getWindow()).isResizable())).isTrue();

        // correcting the path clears the error at once, before Grow is pressed again
        runFx(() -> dir.setText(tmp.resolve("fresh").toString()));
        waitUntil(5, "the error to go", () -> !problem.isVisible());
        clickOn(lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Cancel")).queryButton());
    }
}
