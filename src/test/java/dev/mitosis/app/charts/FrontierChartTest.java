package dev.mitosis.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.workspace.CandidateEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontierChartTest {

    private static FrontierChart frontier() {
        FrontierChart f = new FrontierChart();
        List<CandidateEntry> run = Charts.run();
        f.show(run);
        f.setBudget(600_000);
        f.setHighlights(run.get(2), run.get(1));
        return f;
    }

    @Test
    void anExportedFigureKeepsTheBudgetAndTheDataButNoUiHints() {
        FrontierChart f = frontier();
        String svg = Charts.svg(f);
        assertThat(svg).contains("budget 600 k MACs").contains("Pareto front").contains("4 candidates");
        assertThat(svg).doesNotContain("click a point").doesNotContain("A #3").doesNotContain("B #2");
        // the window keeps its hints
        assertThat(ChartStyle.subtitleOf(f.chart())).contains("click a point to select it");
        assertThat(f.chart().getXYPlot().getAnnotations()).hasSize(3);
        Charts.keep(f, "frontier");
    }

    @Test
    void tickLabelsKeepClearOfTheFigureEdge() {
        // 700k, the last tick, sits at the right end of the MACs axis
        assertThat(Charts.inkNearTheBorder(Charts.png(frontier()), 8)).isZero();
    }
}
