package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.app.grow.SessionBackend;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.Model;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunStore;
import dev.mitosis.train.EpochMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Training tab while a round fine-tunes: between epochs it says what runs, not "no epochs". */
class LiveTrainingChartTest extends ExplorerTest {

    @TempDir
    Path tmp;
    /** One permit lets the fake growth take its next step. */
    private final Semaphore step = new Semaphore(0);

    @Override
    Explorer open(Stage stage) {
        GrowthBackend fineTuning = (request, seed, sink, cancel) -> {
            Model model = seed.model().get();
            RunStore store = RunStore.create(request.runDirectory(),
                    new RunConfig(request.dataset(), Optional.empty(), SessionBackend.config(request)).toJson());
            sink.runCreated(store);
            CandidateRecord s = store.addCandidate(0, 0, Method.SEED, "seed", model, 0.9, 0.3, 0, Map.of());
            sink.on(new GrowthEvent.CandidateStored(s));
            sink.on(new GrowthEvent.RoundStarted(1, request.rounds(), s));
            List<LayerSnapshot> layers = model.spec().topology().neuronLayers().stream().map(NeuronLayer::key)
                    .map(k -> new LayerSnapshot(k, new double[] {-0.2, 0.1}, new double[0], 100, new boolean[] {true, false}))
                    .toList();
            sink.on(new GrowthEvent.SelectionMade(1, layers, s.macs(), s.macs() + 100, layers.size(), "energy-aware", ""));
            step.tryAcquire(60, TimeUnit.SECONDS);
            sink.on(new GrowthEvent.EpochFinished(1, request.fineTuneEpochs(),
                    new EpochMetrics(1, 0.4, 0.88, 0.42, 0.89, 0.02, 3, 512)));
            step.tryAcquire(60, TimeUnit.SECONDS);
        };
        return ExplorerFixture.start(stage, fineTuning, Documents::bundledSeed);
    }

    private String message() {
        return explorer.charts().training().emptyMessage().orElse("");
    }

    @Test
    void whileARoundFineTunesTheChartSaysWhichEpochRuns() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
        clickOn("Training");
        GrowRequest r = new GrowRequest(2, GrowthConfig.Strategy.ENERGY_AWARE, 0.2, OptionalLong.empty(), false, 3,
                0.02, 1, 256, DeviceChoice.CPU, "sample", 0, 0, tmp.resolve("run"), 1);
        assertThat(onFx(() -> explorer.main().startGrowth(r, explorer.workspace().selected()))).isTrue();
        waitUntil(30, "the selection", () -> explorer.monitor().neuronsProperty().get() != null
                && explorer.monitor().neuronsProperty().get().hasSelection());
        waitUntil(10, "the note on the chart", () -> message().contains("fine-tuning round 1, epoch 1 of 3"));
        assertThat(onFx(this::message)).doesNotContain("No fine-tuning epochs");
        step.release();
        waitUntil(10, "the first epoch", () -> explorer.charts().training().points().size() == 1);
        waitUntil(10, "the note in the subtitle", () -> subtitle().contains("fine-tuning round 1, epoch 2 of 3"));
        step.release();
    }

    /** FX thread (waitUntil's condition runs there). */
    private String subtitle() {
        return ((org.jfree.chart.title.TextTitle) explorer.charts().training().chart().getSubtitle(0)).getText();
    }
}
