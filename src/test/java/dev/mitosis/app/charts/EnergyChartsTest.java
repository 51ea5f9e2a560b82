package dev.mitosis.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class EnergyChartsTest {

    /** The labelled ticks of the λ-vs-cost chart's log axis, as drawn. */
    private static List<String> costTicks(long... costs) {
        EnergyCharts e = new EnergyCharts();
        double[][] lambdas = new double[costs.length][];
        for (int i = 0; i < costs.length; i++) {
            lambdas[i] = new double[] {-0.5 + 0.1 * i, 0.1, 0.3};
        }
        e.show(Charts.frame(true, costs, lambdas));
        ChartRenderingInfo info = Charts.draw(e.scatter());
        Rectangle2D area = info.getPlotInfo().getDataArea();
        ValueAxis axis = e.scatter().chart().getXYPlot().getDomainAxis();
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB).createGraphics();
        List<?> ticks = axis.refreshTicks(g, new AxisState(), area, RectangleEdge.BOTTOM);
        g.dispose();
        Charts.keep(e.scatter(), "lambda-vs-cost-" + costs.length);
        return ticks.stream().map(t -> label((ValueTick) t)).filter(s -> !s.isEmpty()).toList();
    }

    /** A tick's text; JFreeChart's log ticks keep theirs as an attributed string. */
    private static String label(ValueTick t) {
        if (t.getText() != null) {
            return t.getText();
        }
        if (t instanceof LogTick log && log.getAttributedLabel() != null) {
            StringBuilder s = new StringBuilder();
            var it = log.getAttributedLabel().getIterator();
            for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) {
                s.append(c);
            }
            return s.toString();
        }
        return "";
    }

    @Test
    void logTicksOverDecadesAreRoundNumbers() {
        assertThat(costTicks(300, 3_000, 20_000, 150_000)).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(s -> s.matches("[125]0{0,2}[kM]?"), "1, 2 or 5 times a power of ten");
    }

    @Test
    void logTicksWithinADecadeAreRoundNumbersToo() {
        assertThat(costTicks(1_200, 4_000)).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(s -> s.matches("[1-9]0{0,2}[kM]?"), "a digit times a power of ten");
    }
}
