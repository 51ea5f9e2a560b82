package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.charts.ChartExport;
import dev.mitosis.app.charts.ChartView;
import dev.mitosis.app.common.AppPaths;
import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.StatusNotes;
import dev.mitosis.app.export.NetworkExport;
import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.data.Normalization;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the export dialogs open, and what an exported model directory holds. */
class ExportsTest extends ExplorerTest {

    @TempDir
    static Path shared;
    static Path runDir;
    static final TrainingRecord TRAINED = new TrainingRecord("sample (train)",
            Normalization.of(new double[] {0.28}, new double[] {0.35}), 7, 0.912, 0.27, "mitosis split");
    @TempDir
    Path tmp;
    private final Background background = new Background();

    @BeforeAll
    static void createRun() throws Exception {
        runDir = shared.resolve("run");
        Model seed = BundledSeed.load();
        try (RunStore store = RunStore.create(runDir, "{}")) {
            store.addCandidate(0, 0, Method.SEED, "seed", seed, 0.912, 0.27, 1, Map.of(TrainingRecord.FILE, TRAINED.toJson()));
        }
        // a folder remembered by an earlier test must not decide where this one's dialogs open
        Files.deleteIfExists(AppPaths.home().resolve("export-folder.json"));
    }

    @AfterEach
    void closeBackground() {
        background.close();
    }

    @Override
    Explorer open(Stage stage) {
        GrowthBackend none = (r, s, sink, c) -> {
            throw new IllegalStateException("no growth in this test");
        };
        return ExplorerFixture.start(stage, none, () -> Documents.open(runDir));
    }

    @Test
    void anExportedModelDirectoryKeepsHowItWasTrained() throws Exception {
        waitUntil(30, "the run", () -> explorer.workspace().selected() != null);
        NetworkExport export = new NetworkExport(explorer.workspace(), background, new StatusNotes());
        CandidateEntry seed = onFx(() -> explorer.workspace().selected());
        Path target = tmp.resolve("exported");
        onFx(() -> export.writeModelDirectory(null, seed, target)).get();
        TrainingRecord written = TrainingRecord.read(target).orElseThrow();
        assertThat(written.normalization()).isEqualTo(TRAINED.normalization());
        assertThat(written.epochs()).isEqualTo(7);
        assertThat(written.testAccuracy()).isEqualTo(0.912);
    }

    @Test
    void chartDialogsOpenInTheRunsFolderThenInTheLastOneUsed() throws Exception {
        waitUntil(30, "the run", () -> explorer.workspace().selected() != null);
        assertThat(onFx(() -> explorer.chartFiles().initialDirectory())).isEqualTo(runDir);
        Path figures = Files.createDirectories(tmp.resolve("figures"));
        ChartView front = onFx(() -> explorer.charts().currentView());
        onFx(() -> explorer.chartFiles().save(front, ChartExport.Format.CSV, figures.resolve("chart.csv"))).get();
        assertThat(onFx(() -> explorer.chartFiles().initialDirectory())).isEqualTo(figures);
    }
}
