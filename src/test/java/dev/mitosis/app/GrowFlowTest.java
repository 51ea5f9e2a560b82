package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowthState;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.ProgressEstimate;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunStore;
import dev.mitosis.text.Formats;
import dev.mitosis.weights.Initializer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A growth's life as the status bar, the recent list and the run directory tell it, with a scripted
 * backend so that each test decides what the session reports and when.
 */
class GrowFlowTest extends ExplorerTest {

    @TempDir
    Path tmp;

    private final ScriptedGrowth growth = new ScriptedGrowth();

    @Override
    Explorer open(Stage stage) {
        return ExplorerFixture.start(stage, growth, Documents::bundledSeed);
    }

    private GrowRequest request(int rounds, Path run) {
        return new GrowRequest(rounds, GrowthConfig.Strategy.ENERGY_AWARE, 0.2, OptionalLong.empty(), false, 1, 0.02, 1,
                256, DeviceChoice.AUTO, "sample", 0, 0, run, 1);
    }

    private void start(int rounds, Path run) {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        assertThat(onFx(() -> explorer.main().startGrowth(request(rounds, run), explorer.workspace().selected())))
                .isTrue();
    }

    private String status() {
        return lookup("#statusLabel").queryAs(Label.class).getText();
    }

    private String eta() {
        return lookup("#etaLabel").queryAs(Label.class).getText();
    }

    private static Model wider() {
        NetworkSpec spec = BundledSeed.load().spec().withWidth(6, 40).withWidth(7, 40);
        return new Model(spec, Initializer.initialize(spec, 3));
    }

    @Test
    void aGrowthThatFailsBeforeItsFirstCandidateSaysWhatFailedAndLeavesNoRunBehind() {
        Path run = tmp.resolve("failed");
        growth.then(ScriptedGrowth.Run::createStore)
                .emit(new GrowthEvent.Failed(0, "Cannot invoke \"String.trim()\" because \"choice\" is null", false))
                .end();
        start(1, run);
        waitUntil(20, "the failure", () -> explorer.monitor().state() == GrowthState.FAILED);
        waitUntil(5, "the failure dialog", () -> lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("The growth failed");
        assertThat(dialog.getContentText()).contains("because \"choice\" is null");
        assertThat(status()).contains("because \"choice\" is null").doesNotContain("round 0");
        assertThat(run).doesNotExist();
        assertThat(onFx(() -> explorer.recent().paths())).doesNotContain(run.toAbsolutePath().normalize());
        assertThat(onFx(() -> explorer.workspace().selected().spec())).isEqualTo(BundledSeed.load().spec());
    }

    @Test
    void aRunWithoutCandidatesOpensAsAnEmptyRunThatSaysSo() throws Exception {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        Path run = tmp.resolve("empty");
        RunStore.create(run, new RunConfig("sample", Optional.empty(), GrowthConfig.defaults()).toJson()).close();
        onFx(() -> explorer.main().openPath(run)).get(30, TimeUnit.SECONDS);
        waitUntil(10, "the empty run", () -> explorer.workspace().stored().isEmpty());
        Label message = lookup("#emptyDocument").queryAs(Label.class);
        waitUntil(5, "the empty-run message", message::isVisible);
        assertThat(message.getText()).contains("run empty").contains("no candidates");
        // nothing of the previous network stays on screen
        assertThat(lookup("#mainSplit").query().isVisible()).isFalse();
        assertThat(Double.isNaN(onFx(() -> explorer.workspace().budgetProperty().get()))).isTrue();

        // opening something with candidates shows the panels again
        onFx(() -> explorer.main().openPath(FakeRun.create(tmp.resolve("full")).dir)).get(30, TimeUnit.SECONDS);
        waitUntil(10, "the full run", () -> explorer.workspace().stored().size() == 5);
        waitUntil(5, "the panels", () -> lookup("#mainSplit").query().isVisible() && !message.isVisible());
    }

    @Test
    void aRunGrownInTheExplorerJoinsTheRecentList() {
        Path run = tmp.resolve("grown");
        Path expected = run.toAbsolutePath().normalize();
        growth.then(ScriptedGrowth.Run::createStore)
                .then(r -> r.store(0, 0, Method.SEED, BundledSeed.load(), 0.9))
                .emit(new GrowthEvent.Finished(List.of(), "seed only"))
                .end();
        start(1, run);
        waitUntil(20, "the end", () -> explorer.monitor().state() == GrowthState.FINISHED);
        assertThat(onFx(() -> explorer.recent().paths())).first().isEqualTo(expected);
        assertThat(lookup("#openButton").queryAs(javafx.scene.control.SplitMenuButton.class).getItems())
                .anyMatch(i -> expected.toString().equals(i.getText()));
    }

    @Test
    void theEtaWaitsForACompletedRoundThenFollowsTheMeasuredPhases() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        CandidateRecord seed = onFx(() -> explorer.workspace().selected().record());
        long[] now = {0};
        ProgressEstimate estimate = new ProgressEstimate(3, () -> now[0]);
        long s = 1_000_000_000L;
        // 40 s of one-off work (data, seed evaluation), then rounds of 10 s probe, 50 s fine-tune, 2 s storing
        now[0] = 40 * s;
        estimate.roundStarted(1);
        growth.emit(new GrowthEvent.RoundStarted(1, 3, seed));
        now[0] = 45 * s;
        growth.emit(estimate.phase(1, ProgressEstimate.PROBE, 0.5, Double.NaN));
        start(3, tmp.resolve("eta"));
        waitUntil(20, "round 1's probe", () -> status().startsWith("Round 1/3 · probe"));
        assertThat(eta()).isEqualTo("ETA estimating…");

        now[0] = 50 * s;
        growth.emit(estimate.phase(1, ProgressEstimate.PROBE, 1, Double.NaN));
        now[0] = 100 * s;
        growth.emit(estimate.phase(1, ProgressEstimate.FINE_TUNE, 1, 0.4));
        now[0] = 102 * s;
        estimate.roundFinished(1);
        estimate.roundStarted(2);
        growth.emit(new GrowthEvent.RoundStarted(2, 3, seed));
        now[0] = 107 * s;
        // half of round 2's probe: 5 s of it, 50 s fine-tuning and 2 s storing, and all of round 3
        growth.emit(estimate.phase(2, ProgressEstimate.PROBE, 0.5, Double.NaN));
        waitUntil(10, "round 2's probe", () -> status().startsWith("Round 2/3 · probe"));
        assertThat(eta()).isEqualTo("ETA " + Formats.duration(5 + 50 + 2 + 62));

        now[0] = 112 * s;
        growth.emit(estimate.phase(2, ProgressEstimate.PROBE, 1, Double.NaN));
        now[0] = 137 * s;
        // round 2 fine-tunes at the pace it shows (25 s for half), then storing and round 3
        growth.emit(estimate.phase(2, ProgressEstimate.FINE_TUNE, 0.5, 0.3));
        waitUntil(10, "round 2's fine-tuning", () -> status().startsWith("Round 2/3 · fine-tune"));
        assertThat(eta()).isEqualTo("ETA " + Formats.duration(25 + 2 + 62));
        growth.emit(new GrowthEvent.Finished(List.of(), "done")).end();
        waitUntil(20, "the end", () -> !explorer.monitor().state().isActive());
        assertThat(eta()).isEmpty();
    }

    @Test
    void theStatusBarCountsInWordsAndSaysWhatIsTrueNow() throws Exception {
        Path run = tmp.resolve("worded");
        Model seedModel = BundledSeed.load();
        Model grown = wider();
        CandidateRecord[] seed = new CandidateRecord[1];
        growth.then(ScriptedGrowth.Run::createStore)
                .then(r -> seed[0] = r.store(0, 0, Method.SEED, seedModel, 0.9012))
                .then(r -> r.sink.on(new GrowthEvent.RoundStarted(1, 1, seed[0])))
                .emit(new GrowthEvent.SelectionMade(1, List.of(), seedModel.spec().macs(), grown.spec().macs(), 1,
                        "energy-aware", ""));
        start(1, run);
        waitUntil(20, "the selection", () -> status().contains("selected"));
        assertThat(status()).isEqualTo("Round 1/1 · 1 neuron selected for splitting");
        growth.then(r -> {
            CandidateRecord split = r.store(seed[0].id(), 1, Method.SPLIT, grown, 0.9103);
            r.sink.on(new GrowthEvent.Finished(r.store.candidates(), "1 rounds: " + seedModel.spec().macs() + " -> "
                    + split.macs() + " MACs, accuracy 90.12% -> 91.03%"));
        }).end();
        waitUntil(20, "the end", () -> explorer.monitor().state() == GrowthState.FINISHED);
        assertThat(status()).isEqualTo("Growth finished: 1 round, " + Formats.count(seedModel.spec().macs()) + " → "
                + Formats.count(grown.spec().macs()) + " MACs, accuracy 90.12 % → 91.03 %");

        // opening another document: the status bar no longer speaks of the growth
        onFx(() -> explorer.main().openPath(FakeRun.create(tmp.resolve("other")).dir)).get(30, TimeUnit.SECONDS);
        waitUntil(10, "the other run", () -> explorer.workspace().stored().size() == 5);
        assertThat(status()).doesNotContain("Growth finished");

        // Stop: the status says it is stopping, later progress does not overwrite that, and once stopped
        // nothing says "stopping" any more
        growth.emit(new GrowthEvent.RoundStarted(1, 3, seed[0]));
        start(3, tmp.resolve("stopped"));
        waitUntil(20, "round 1", () -> status().startsWith("Round 1/3"));
        clickOn("#stopButton");
        growth.emit(new GrowthEvent.Progress(1, "probe", 0.05, Double.NaN, Double.NaN));
        waitUntil(5, "the stopping status", () -> status().startsWith("Stopping"));
        growth.emit(new GrowthEvent.Cancelled(1)).end();
        waitUntil(20, "the stop", () -> explorer.monitor().state() == GrowthState.CANCELLED);
        assertThat(status()).startsWith("Stopped");
        assertThat(lookup("#noteLabel").queryAs(Label.class).getText()).doesNotContain("Stopping");
        assertThat(lookup("#etaLabel").queryAs(Label.class).getText()).isEmpty();
    }
}
