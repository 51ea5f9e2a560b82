package dev.mitosis.app;

import dev.mitosis.run.Method;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.text.Formats;
import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowthState;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.store.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grow with the real growth session on a tiny slice of the bundled sample, and Stop. */
class GrowTest extends ExplorerTest {

    @TempDir
    Path tmp;

    /** One quick round: 512 training images, one fine-tuning epoch, one probe pass. */
    private GrowRequest quick(int rounds, int epochs, int trainImages, Path run) {
        return new GrowRequest(rounds, GrowthConfig.Strategy.ENERGY_AWARE, 0.2, OptionalLong.empty(), false, epochs,
                0.02, 1, 256, DeviceChoice.CPU, "sample", trainImages, 200, run, 1);
    }

    @Test
    void aOneRoundGrowAddsACandidateRowAndAFrontierPoint() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        NetworkSpec seed = BundledSeed.load().spec();
        Path run = tmp.resolve("run");
        runFx(() -> explorer.growOptions().remember(quick(1, 1, 512, run)));

        clickOn("#growButton");
        waitUntil(10, "the Grow dialog", () -> lookup("#runDirectory").tryQuery().isPresent());
        TextField dir = lookup("#runDirectory").queryAs(TextField.class);
        runFx(() -> dir.setText(run.toString()));
        clickOn(lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Grow"))
                .queryButton());

        waitUntil(20, "the growth to start", () -> explorer.monitor().state() != GrowthState.IDLE);
        waitUntil(240, "the growth to finish", () -> !explorer.monitor().state().isActive());
        assertThat(explorer.monitor().state()).as(explorer.monitor().outcomeProperty().get())
                .isEqualTo(GrowthState.FINISHED);

        List<CandidateEntry> rows = onFx(() -> List.copyOf(explorer.workspace().candidates()));
        assertThat(rows).extracting(e -> e.record().method()).containsExactly(Method.SEED, Method.SPLIT);
        CandidateEntry grown = rows.get(1);
        assertThat(grown.record().parentId()).isEqualTo(rows.get(0).id());
        assertThat(grown.macs()).isGreaterThan(seed.macs());
        assertThat(grown.accuracy()).isBetween(0.0, 1.0);
        assertThat(CandidatesTree.rows(this)).hasSize(2);
        // the frontier plots both candidates; the grown one is selected and shown in the graph
        assertThat(onFx(() -> explorer.charts().frontier().pointCount())).isEqualTo(2);
        // the quick run evaluated on 200 test images, and the frontier says so
        waitUntil(10, "the frontier's accuracy label", () -> explorer.charts().frontier().chart().getXYPlot()
                .getRangeAxis().getLabel().equals("test accuracy on 200 images (%)"));
        assertThat(onFx(() -> explorer.workspace().selected())).isEqualTo(grown);
        assertThat(lookup("#macsLabel").queryAs(Label.class).getText())
                .isEqualTo(Formats.count(grown.macs()) + " MACs");
        // the live charts saw the round: every neuron of the seed probed, one fine-tuning epoch
        assertThat(onFx(() -> explorer.charts().eigenvalues().pointCount())).isEqualTo(seed.topology().neuronCount());
        assertThat(onFx(() -> explorer.charts().eigenvalues().frame().hasSelection())).isTrue();
        clickOn("Training");
        waitUntil(5, "the training chart", () -> explorer.charts().training().points().size() == 1);
        // the graph colours the blocks that grew
        assertThat(onFx(() -> explorer.graph().graph().model().maxSplit())).isPositive();
        // the store on disk holds the same candidates
        try (RunStore store = RunStore.open(run)) {
            assertThat(store.candidates()).extracting(CandidateRecord::id).containsExactly(rows.get(0).id(), grown.id());
        }
        assertThat(lookup("#growButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void aGrowthThatCannotStartSaysWhyAndLeavesTheAppUsable() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        NetworkSpec colour = dev.mitosis.net.Templates.create("mbv1-seed",
                dev.mitosis.net.Templates.Options.of(new dev.mitosis.net.FeatureShape(3, 32, 32), 10));
        runFx(() -> explorer.workspace().open(dev.mitosis.app.workspace.Documents.template(colour, 1)));
        Path run = tmp.resolve("mismatch");
        assertThat(onFx(() -> explorer.main().startGrowth(quick(1, 1, 512, run), explorer.workspace().selected())))
                .isTrue();
        waitUntil(60, "the failure", () -> explorer.monitor().state() == GrowthState.FAILED);
        assertThat(explorer.monitor().outcomeProperty().get()).contains("images are 1x28x28").contains("3x32x32");
        assertThat(lookup("#statusLabel").queryAs(Label.class).getText()).contains("images are 1x28x28");
        assertThat(run).doesNotExist();
        assertThat(lookup("#growButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(onFx(() -> explorer.workspace().selected().spec())).isEqualTo(colour);
    }

    @Test
    void stopLeavesTheAppUsable() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        // grow from an edited network: the draft's weights are made on the engine thread
        NetworkSpec seed = BundledSeed.load().spec();
        NetworkSpec edited = seed.withWidth(5, 24);
        assertThat(onFx(() -> explorer.workspace().edit(s -> s.withBlock(5, edited.blocks().get(5), "width"))))
                .isEmpty();
        Path run = tmp.resolve("stopped");
        boolean started = onFx(() -> explorer.main().startGrowth(quick(3, 3, 4000, run), explorer.workspace().selected()));
        assertThat(started).isTrue();
        waitUntil(120, "the first round to start", () -> explorer.monitor().statusProperty().get().startsWith("Round 1"));
        assertThat(lookup("#stopButton").queryAs(Button.class).isDisabled()).isFalse();
        clickOn("#stopButton");
        waitUntil(120, "the growth to stop", () -> !explorer.monitor().state().isActive());
        assertThat(explorer.monitor().state()).isEqualTo(GrowthState.CANCELLED);
        assertThat(lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Stopped");
        assertThat(lookup("#growButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(lookup("#stopButton").queryAs(Button.class).isDisabled()).isTrue();

        // the run holds exactly what the table shows: the seed, nothing half done
        List<CandidateEntry> rows = onFx(() -> explorer.workspace().stored());
        try (RunStore store = RunStore.open(run)) {
            assertThat(store.candidates()).extracting(CandidateRecord::id)
                    .containsExactlyElementsOf(rows.stream().map(CandidateEntry::id).toList());
        }
        assertThat(rows).extracting(e -> e.record().method()).first().isEqualTo(Method.SEED);
        assertThat(rows.get(0).spec()).isEqualTo(edited);

        // and editing still works
        runFx(() -> explorer.workspace().selectedProperty().set(rows.get(0)));
        runFx(() -> explorer.graph().graph().selectedBlockProperty().set(2));
        waitUntil(5, "the block editor", () -> lookup(".property-sheet .text-field").queryAll().size() >= 2);
        TextField width = lookup(".property-sheet .text-field").queryAllAs(TextField.class).stream()
                .filter(TextField::isEditable).filter(t -> !t.isDisabled()).findFirst().orElseThrow();
        clickOn(width).eraseText(width.getText().length()).write("16").type(KeyCode.ENTER);
        waitUntil(5, "the edit", () -> explorer.workspace().selected().draft());
        long expected = rows.get(0).spec().withWidth(2, 16).macs();
        assertThat(lookup("#macsLabel").queryAs(Label.class).getText()).isEqualTo(Formats.count(expected) + " MACs");
    }
}
