package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.candidates.WidthComparison;
import dev.mitosis.app.charts.ChartExport;
import dev.mitosis.app.charts.ChartView;
import dev.mitosis.text.Formats;
import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.run.CandidateRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with several candidates: the MAC-budget slider, the typed budget, comparison and chart export. */
class BudgetAndChartsTest extends ExplorerTest {

    @TempDir
    static Path shared;
    static FakeRun run;
    @TempDir
    Path tmp;

    @BeforeAll
    static void createRun() {
        run = FakeRun.create(shared.resolve("run"));
    }

    @Override
    Explorer open(Stage stage) {
        GrowthBackend none = (r, s, sink, c) -> {
            throw new IllegalStateException("no growth in this test");
        };
        return ExplorerFixture.start(stage, none, () -> Documents.open(run.dir));
    }

    private void waitForRun() {
        waitUntil(30, "the run", () -> explorer.workspace().stored().size() == run.candidates.size());
    }

    private static long macs(String label) {
        return run.byLabel(label).macs();
    }

    /** The most accurate stored candidate with at most {@code budget} MACs, computed here independently. */
    private static CandidateRecord expectedBest(long budget) {
        return run.candidates.stream().filter(c -> c.macs() <= budget)
                .max((a, b) -> Double.compare(a.accuracy(), b.accuracy())).orElseThrow();
    }

    @Test
    void movingTheSliderSelectsTheBestCandidateUnderTheBudget() {
        waitForRun();
        Slider slider = lookup("#budgetSlider").queryAs(Slider.class);
        // Between round 2 and round 3: round 2 is the best that fits.
        long budget = (macs("split-r2") + macs("split-r3")) / 2;
        runFx(() -> slider.setValue(Math.log10(budget)));
        CandidateRecord best = expectedBest(budget);
        assertThat(best.label()).isEqualTo("split-r2");
        assertThat(onFx(() -> explorer.workspace().selected().id())).isEqualTo(best.id());
        assertThat(CandidatesTree.selected(this)).extracting(CandidateEntry::id).isEqualTo(best.id());
        assertThat(lookup("#macsLabel").queryAs(Label.class).getText()).isEqualTo(Formats.count(best.macs()) + " MACs");
        assertThat(onFx(() -> explorer.charts().frontier().budget())).isEqualTo(budget, org.assertj.core.data.Offset.offset(budget * 1e-9));

        // Everything fits: round 3 is larger but less accurate than round 2, so round 2 stays the best.
        long all = macs("split-r3") + 1000;
        runFx(() -> slider.setValue(Math.log10(all)));
        assertThat(onFx(() -> explorer.workspace().selected().id())).isEqualTo(expectedBest(all).id())
                .isEqualTo(run.byLabel("split-r2").id());

        // Only the seed fits.
        long small = macs("seed-r0") + 10;
        runFx(() -> slider.setValue(Math.log10(small)));
        assertThat(onFx(() -> explorer.workspace().selected().id())).isEqualTo(run.byLabel("seed-r0").id());
    }

    @Test
    void aBudgetBelowEveryCandidateSelectsNothingInTableGraphAndFrontier() {
        waitForRun();
        Slider slider = lookup("#budgetSlider").queryAs(Slider.class);
        runFx(() -> slider.setValue(Math.log10(macs("split-r2"))));
        assertThat(onFx(() -> explorer.workspace().selected())).isNotNull();
        runFx(() -> slider.setValue(slider.getMin()));
        assertThat(lookup("#budgetResult").queryAs(Label.class).getText()).startsWith("No evaluated candidate fits");
        assertThat(onFx(() -> explorer.workspace().selected())).isNull();
        assertThat(CandidatesTree.selected(this)).isNull();
        assertThat(lookup("#networkTitle").queryAs(Label.class).getText()).isEqualTo("No candidate fits the budget");
        assertThat(onFx(() -> explorer.graph().graph().nodeViews())).isEmpty();
        assertThat(lookup("#growButton").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        // no ring A (nor a B compared with nothing) on the frontier
        assertThat(onFx(() -> explorer.charts().frontier().chart().getXYPlot().getAnnotations().stream()
                .filter(a -> a.getClass().getSimpleName().equals("RingAnnotation")).count())).isZero();

        // raising it again selects the best that fits
        runFx(() -> slider.setValue(Math.log10(macs("split-r1"))));
        assertThat(onFx(() -> explorer.workspace().selected().id())).isEqualTo(expectedBest(macs("split-r1")).id());
        assertThat(CandidatesTree.selected(this)).isNotNull();
        assertThat(onFx(() -> explorer.graph().graph().nodeViews())).isNotEmpty();
    }

    @Test
    void theSliderTickLabelsAreReadableAndFormattedAsCounts() {
        waitForRun();
        Slider slider = lookup("#budgetSlider").queryAs(Slider.class);
        javafx.scene.chart.NumberAxis axis = (javafx.scene.chart.NumberAxis) slider.lookup(".axis");
        // the axis lays its labels out again for the run's range on a later pulse
        waitUntil(5, "tick labels for the run's range", () -> {
            List<String> texts = tickLabels(axis).stream().map(javafx.scene.text.Text::getText).toList();
            List<String> expected = axis.getTickMarks().stream()
                    .map(t -> Formats.count(Math.pow(10, t.getValue().doubleValue()))).toList();
            return !texts.isEmpty() && expected.containsAll(texts);
        });
        assertThat(onFx(() -> axis.getTickLabelFont().getSize())).isGreaterThanOrEqualTo(11);
        assertThat(onFx(() -> tickLabels(axis).stream().mapToDouble(t -> t.getFont().getSize()).min().orElse(0)))
                .isGreaterThanOrEqualTo(11);
        // the labels do not overlap one another
        List<javafx.geometry.Bounds> shown = onFx(() -> tickLabels(axis).stream()
                .map(n -> n.localToScene(n.getBoundsInLocal())).sorted(java.util.Comparator.comparingDouble(
                        javafx.geometry.Bounds::getMinX)).toList());
        assertThat(shown).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i).getMinX()).isGreaterThan(shown.get(i - 1).getMaxX());
        }
    }

    /** The axis draws its tick labels as bare Text children (the axis' own title is a Label, skipped). */
    private static List<javafx.scene.text.Text> tickLabels(javafx.scene.Parent axis) {
        return axis.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .map(n -> (javafx.scene.text.Text) n).toList();
    }

    @Test
    void aTypedBudgetSelectsToo() {
        waitForRun();
        long budget = (macs("split-r1") + macs("uniform-r0")) / 2;
        assertThat(budget).isBetween(macs("split-r1"), macs("uniform-r0"));
        TextField field = lookup("#budgetField").queryAs(TextField.class);
        clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(Long.toString(budget)).type(KeyCode.ENTER);
        waitUntil(5, "the selection", () -> explorer.workspace().selected().id() == expectedBest(budget).id());
        assertThat(expectedBest(budget).label()).isEqualTo("split-r1");
        assertThat(lookup("#budgetResult").queryAs(Label.class).getText()).contains("#" + expectedBest(budget).id());
    }

    @Test
    void theComparisonShowsPerLayerDifferences() {
        waitForRun();
        CandidateEntry r2 = onFx(() -> explorer.workspace().stored().stream()
                .filter(e -> e.record().label().equals("split-r2")).findFirst().orElseThrow());
        runFx(() -> explorer.workspace().selectedProperty().set(r2));
        // B defaults to the parent: round 1
        waitUntil(5, "the comparison", () -> explorer.workspace().comparedProperty().get() != null);
        assertThat(onFx(() -> explorer.workspace().comparedProperty().get().record().label())).isEqualTo("split-r1");
        List<WidthComparison.Row> rows = onFx(() -> List.copyOf(
                lookup("#widthTable").<WidthComparison.Row>queryTableView().getItems()));
        assertThat(rows).hasSize(14);
        assertThat(rows).filteredOn(r -> r.delta() != 0).extracting(r -> r.layer())
                .containsExactly("blocks.11.pw", "blocks.12.pw", "blocks.13.pw");
        assertThat(rows).filteredOn(r -> r.delta() != 0).allMatch(r -> r.a() == 48 && r.delta() == r.a() - r.b());
        assertThat(rows).filteredOn(r -> r.delta() != 0).extracting(r -> r.delta()).containsExactly(24, 16, 16);
        // the graph colours the blocks grown in round 2, the most grown one fully
        waitUntil(5, "the graph", () -> explorer.graph().graph().model().maxSplit() == 24);
        // and the stored round statistics reach the charts
        waitUntil(10, "the round's statistics", () -> explorer.charts().eigenvalues().frame() != null);
        assertThat(onFx(() -> explorer.charts().eigenvalues().pointCount()))
                .isEqualTo(run.byLabel("split-r1").widths().stream().mapToInt(Integer::intValue).sum());
        // charts in the back update when their tab is chosen
        clickOn("Training");
        waitUntil(5, "the training chart", () -> explorer.charts().training().points().size() == 4);
    }

    @Test
    void chartsSaveAsPngSvgPdfAndCsv() throws Exception {
        waitForRun();
        waitUntil(10, "the frontier", () -> explorer.charts().frontier().pointCount() == run.candidates.size());
        // the chart in front, as the toolbar's Export menu saves it
        ChartView frontier = onFx(() -> {
            TabPane tabs = explorer.charts().tabs();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Frontier"))
                    .findFirst().orElseThrow());
            return explorer.charts().currentView();
        });
        for (ChartExport.Format f : ChartExport.Format.values()) {
            Path file = tmp.resolve("frontier." + f.extension());
            Path written = onFx(() -> explorer.chartFiles().save(frontier, f, file)).get();
            assertThat(written).isEqualTo(file);
            byte[] bytes = Files.readAllBytes(file);
            String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
            switch (f) {
                case PNG -> assertThat(head).startsWith("\u0089PNG");
                case SVG -> assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<svg").contains("</svg>")
                        .contains("MACs per image");
                case PDF -> assertThat(head).startsWith("%PDF-");
                case CSV -> {
                    List<String> lines = Files.readAllLines(file);
                    assertThat(lines.get(0)).startsWith("id,parent_id,round,method,label,macs,params,accuracy");
                    assertThat(lines).hasSize(1 + run.candidates.size());
                }
            }
            try (var leftovers = Files.list(tmp)) {
                assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }
}
