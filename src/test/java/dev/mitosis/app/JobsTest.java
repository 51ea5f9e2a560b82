package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowthState;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.ModelDocument;
import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunState;
import dev.mitosis.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs beyond a growth from a seed, with the real engine on tiny runs ({@link TinyRun}): Resume,
 * Grow more as a branch in the same run, Baselines, Train.
 */
class JobsTest extends ExplorerTest {

    @TempDir
    Path tmp;

    private void openRun(Path dir, int candidates) {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        runFx(() -> explorer.main().openPath(dir));
        waitUntil(30, "the run", () -> explorer.workspace().document() instanceof RunDocument
                && explorer.workspace().stored().size() == candidates);
    }

    private void clickDialogButton(String text) {
        clickOn(lookup(".dialog-pane .button").match((Button b) -> b.getText().equals(text)).queryButton());
    }

    private void waitForTheJob(GrowthState expected) {
        waitUntil(20, "the job to start", () -> explorer.monitor().state() != GrowthState.IDLE);
        waitUntil(240, "the job to end", () -> !explorer.monitor().state().isActive());
        assertThat(explorer.monitor().state()).as(explorer.monitor().outcomeProperty().get()).isEqualTo(expected);
    }

    @Test
    void aStoppedRunResumesAndGainsItsRoundLive() {
        Path dir = tmp.resolve("stopped");
        List<CandidateRecord> before = TinyRun.create(dir, false, RunState.STOPPED);
        openRun(dir, 1);
        waitUntil(10, "Resume to be offered", () -> !lookup("#resumeButton").queryAs(Button.class).isDisabled());
        RunDocument doc = onFx(() -> (RunDocument) explorer.workspace().document());

        clickOn("#resumeButton");
        waitForTheJob(GrowthState.FINISHED);

        // the new round joined the open run, grown from the seed
        assertThat(onFx(() -> explorer.workspace().document())).isSameAs(doc);
        List<CandidateEntry> rows = onFx(() -> List.copyOf(explorer.workspace().stored()));
        assertThat(rows).extracting(e -> e.record().method()).containsExactly(Method.SEED, Method.SPLIT);
        assertThat(rows.get(1).record().parentId()).isEqualTo(before.get(0).id());
        assertThat(rows.get(1).record().round()).isEqualTo(1);
        try (RunStore store = RunStore.open(dir)) {
            assertThat(store.state()).isEqualTo(RunState.FINISHED);
            assertThat(store.candidates()).hasSize(2);
        }
        // a finished run has nothing to resume
        waitUntil(10, "Resume to be withdrawn", () -> lookup("#resumeButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void aRunAnotherWriterHoldsIsRefusedWithTheStoresLine() {
        Path dir = tmp.resolve("held");
        TinyRun.create(dir, false, RunState.FAILED);
        openRun(dir, 1);
        waitUntil(10, "Resume to be offered", () -> !lookup("#resumeButton").queryAs(Button.class).isDisabled());
        try (RunStore writer = RunStore.openForWriting(dir)) {
            assertThat(writer.isWriter()).isTrue();
            clickOn("#resumeButton");
            waitForTheJob(GrowthState.FAILED);
        }
        assertThat(lookup("#statusLabel").queryAs(Label.class).getText())
                .contains("Resume failed").contains("is writing this run");
        assertThat(onFx(() -> explorer.workspace().stored())).hasSize(1);
    }

    @Test
    void growMoreFromAStoredCandidateBranchesInTheSameRun() {
        Path dir = tmp.resolve("branch");
        List<CandidateRecord> before = TinyRun.create(dir, true, RunState.FINISHED);
        openRun(dir, 2);
        RunDocument doc = onFx(() -> (RunDocument) explorer.workspace().document());
        CandidateEntry second = onFx(() -> explorer.workspace().stored().get(1));
        runFx(() -> explorer.workspace().selectedProperty().set(second));
        runFx(() -> explorer.growOptions().remember(new GrowRequest(1, GrowthConfig.Strategy.ENERGY_AWARE, 0.2,
                OptionalLong.empty(), false, 1, 0.02, 1, 256, DeviceChoice.CPU, "sample", 300, 200,
                tmp.resolve("unused"), 1)));

        clickOn("#growButton");
        waitUntil(10, "the Grow dialog", () -> lookup("#branchCheck").tryQuery().isPresent());
        assertThat(lookup("#branchCheck").queryAs(CheckBox.class).isSelected()).isTrue();
        // a branch grows with the run's stored settings: only the rounds and the device stay open
        assertThat(lookup("#runDirectory").queryAs(TextField.class).isDisabled()).isTrue();
        // and the form shows those settings, not the last growth's (which named another directory)
        assertThat(lookup("#runDirectory").queryAs(TextField.class).getText()).isEqualTo(dir.toString());
        assertThat(lookup("#learningRate").queryAs(TextField.class).isDisabled()).isTrue();
        clickDialogButton("Grow");
        waitForTheJob(GrowthState.FINISHED);

        assertThat(onFx(() -> explorer.workspace().document())).isSameAs(doc);
        List<CandidateEntry> rows = onFx(() -> List.copyOf(explorer.workspace().stored()));
        assertThat(rows).hasSize(3);
        CandidateEntry branch = rows.get(2);
        assertThat(branch.record().method()).isEqualTo(Method.SPLIT);
        assertThat(branch.record().parentId()).isEqualTo(before.get(1).id());
        assertThat(branch.record().round()).isEqualTo(2);
        assertThat(tmp.resolve("unused")).doesNotExist();
        try (RunStore store = RunStore.open(dir)) {
            assertThat(store.candidates()).hasSize(3);
        }
    }

    @Test
    void theBaselinesDialogAddsUniformCandidatesToTheOpenRun() {
        Path dir = tmp.resolve("baselines");
        TinyRun.create(dir, true, RunState.FINISHED);
        openRun(dir, 2);

        clickOn("#baselinesButton");
        waitUntil(10, "the Baselines dialog", () -> lookup("#baselineMultipliers").tryQuery().isPresent());
        TextField multipliers = lookup("#baselineMultipliers").queryAs(TextField.class);
        runFx(() -> multipliers.setText("0.5"));
        @SuppressWarnings("unchecked")
        ChoiceBox<String> device = lookup("#baselineDevice").queryAs(ChoiceBox.class);
        runFx(() -> device.setValue("cpu"));
        clickDialogButton("Run");
        waitForTheJob(GrowthState.FINISHED);

        List<CandidateEntry> rows = onFx(() -> List.copyOf(explorer.workspace().stored()));
        assertThat(rows).extracting(e -> e.record().method()).containsExactly(Method.SEED, Method.SPLIT,
                Method.UNIFORM);
        // the seed's widths halved, trained for the run's budget: one epoch
        assertThat(rows.get(2).macs()).isLessThan(rows.get(0).macs());
        try (RunStore store = RunStore.open(dir)) {
            assertThat(store.candidates()).extracting(CandidateRecord::method).contains(Method.UNIFORM);
            assertThat(store.lineageEpochs(store.candidates().get(2))).isEqualTo(1);
        }
    }

    @Test
    void theBaselinesDialogRunsAutoSlimForTheGrownMacsAndItsCandidatesJoinTheRun() {
        Path dir = tmp.resolve("autoslim");
        List<CandidateRecord> before = TinyRun.create(dir, true, RunState.FINISHED);
        long grownMacs = before.get(1).macs();
        openRun(dir, 2);

        clickOn("#baselinesButton");
        waitUntil(10, "the Baselines dialog", () -> lookup("#autoslimBaseline").tryQuery().isPresent());
        clickOn("#autoslimBaseline");
        TextField targets = lookup("#autoslimTargets").queryAs(TextField.class);
        assertThat(dev.mitosis.text.Formats.parseCount(targets.getText())).hasValue(grownMacs);
        assertThat(lookup("#autoslimResume").queryAs(CheckBox.class).isDisabled()).isTrue();
        runFx(() -> {
            lookup("#autoslimSupernetEpochs").queryAs(TextField.class).setText("1");
            lookup("#autoslimGroups").queryAs(TextField.class).setText("3");
        });
        @SuppressWarnings("unchecked")
        ChoiceBox<String> device = lookup("#baselineDevice").queryAs(ChoiceBox.class);
        runFx(() -> device.setValue("cpu"));
        clickDialogButton("Run");
        waitForTheJob(GrowthState.FINISHED);

        List<CandidateEntry> rows = onFx(() -> List.copyOf(explorer.workspace().stored()));
        assertThat(rows).extracting(e -> e.record().method()).containsExactly(Method.SEED, Method.SPLIT,
                Method.AUTOSLIM_SLIMMED, Method.AUTOSLIM);
        assertThat(rows.get(3).macs()).isLessThanOrEqualTo(grownMacs).isEqualTo(rows.get(2).macs());
        assertThat(dir.resolve("autoslim/supernet/autoslim.json")).exists();
    }

    @Test
    void stopEndsABaselineAfterItsBatchAndKeepsWhatWasStored() {
        Path dir = tmp.resolve("stop-baseline");
        TinyRun.create(dir, true, RunState.FINISHED);
        openRun(dir, 2);
        RunDocument doc = onFx(() -> (RunDocument) explorer.workspace().document());
        List<Double> many = java.util.Collections.nCopies(12, 1.0);
        assertThat(onFx(() -> explorer.main().startBaseline(doc, new dev.mitosis.app.grow.BaselineRequest.Uniform(
                dev.mitosis.baseline.UniformBaseline.Profile.SEED, many, DeviceChoice.CPU)))).isTrue();
        waitUntil(60, "the baseline to train", () -> lookup("#statusLabel").queryAs(Label.class).getText()
                .startsWith("Uniform baseline · uniform x1.0"));
        clickOn("#stopButton");
        waitForTheJob(GrowthState.CANCELLED);
        assertThat(lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Stopped");
        List<CandidateEntry> rows = onFx(() -> List.copyOf(explorer.workspace().stored()));
        try (RunStore store = RunStore.open(dir)) {
            assertThat(store.candidates()).hasSize(rows.size()).hasSizeLessThan(2 + many.size());
        }
        assertThat(lookup("#baselinesButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void stopEndsAnAutoSlimSupernetAndTheDialogThenOffersToContinueIt() {
        Path dir = tmp.resolve("stop-autoslim");
        List<CandidateRecord> before = TinyRun.create(dir, true, RunState.FINISHED);
        openRun(dir, 2);
        RunDocument doc = onFx(() -> (RunDocument) explorer.workspace().document());
        assertThat(onFx(() -> explorer.main().startBaseline(doc, new dev.mitosis.app.grow.BaselineRequest.AutoSlim(
                List.of(before.get(1).macs()), 40, 10, false, DeviceChoice.CPU)))).isTrue();
        // stop once the first supernet epoch is checkpointed, so that there is a search to continue
        waitUntil(120, "a supernet epoch", () -> Files.exists(dir.resolve("autoslim/supernet/autoslim.json")));
        clickOn("#stopButton");
        waitForTheJob(GrowthState.CANCELLED);
        assertThat(lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Stopped");
        try (RunStore store = RunStore.open(dir)) {
            assertThat(store.candidates()).hasSize(2);
        }
        clickOn("#baselinesButton");
        waitUntil(10, "the Baselines dialog", () -> lookup("#autoslimBaseline").tryQuery().isPresent());
        clickOn("#autoslimBaseline");
        CheckBox resume = lookup("#autoslimResume").queryAs(CheckBox.class);
        assertThat(resume.isDisabled()).isFalse();
        assertThat(resume.isSelected()).isTrue();
        // the form shows what the stored search was started with, so that continuing it asks for the same
        assertThat(lookup("#autoslimSupernetEpochs").queryAs(TextField.class).getText()).isEqualTo("40");
        assertThat(lookup("#autoslimTargets").queryAs(TextField.class).getText())
                .isEqualTo(String.valueOf(before.get(1).macs()));
        clickDialogButton("Cancel");
    }

    @Test
    void trainWritesAModelDirectoryAndOpensIt() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        Path out = tmp.resolve("trained");
        clickOn("#trainButton");
        waitUntil(10, "the Train dialog", () -> lookup("#trainOut").tryQuery().isPresent());
        runFx(() -> {
            // the seed template has fixed widths: no multiplier to set
            assertThat(lookup("#trainWidth").queryAs(TextField.class).isDisabled()).isTrue();
            lookup("#trainEpochs").queryAs(TextField.class).setText("1");
            lookup("#trainImages").queryAs(TextField.class).setText("300");
            lookup("#trainTestImages").queryAs(TextField.class).setText("200");
            @SuppressWarnings("unchecked")
            ChoiceBox<String> device = lookup("#trainDevice").queryAs(ChoiceBox.class);
            device.setValue("cpu");
            lookup("#trainOut").queryAs(TextField.class).setText(out.toString());
        });
        assertThat(lookup("#trainDataset").queryAs(ComboBox.class).getValue()).isEqualTo("sample");
        clickDialogButton("Train");
        waitForTheJob(GrowthState.FINISHED);

        assertThat(ModelDirectory.isModelDirectory(out)).isTrue();
        assertThat(Files.exists(out.resolve("training.json"))).isTrue();
        waitUntil(30, "the trained model to open", () -> explorer.workspace().document() instanceof ModelDocument m
                && m.title().contains(out.getFileName().toString()));
        assertThat(onFx(() -> explorer.workspace().selected().spec().name())).startsWith("mbv1-seed");
    }
}
