package dev.mitosis.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;

class EigenvalueChartTest {

    private static final long[] COSTS = {100, 200};

    @Test
    void theFinalFrameFitsTheAxisToItsOwnData() {
        EigenvalueChart c = new EigenvalueChart();
        // an early probe estimate reaches −8; the estimates converge to −4, inside the axis' hysteresis
        c.show(Charts.frame(false, COSTS, new double[] {-8, -1, 0.5}, new double[] {-2, 0.2}));
        c.show(Charts.frame(false, COSTS, new double[] {-4, -1, 0.5}, new double[] {-2, 0.2}));
        ValueAxis lambda = c.chart().getXYPlot().getRangeAxis();
        assertThat(lambda.getLowerBound()).isLessThan(-8);
        // the selection is the frame that stays on screen and goes into exports
        c.show(Charts.frame(true, COSTS, new double[] {-4, -1, 0.5}, new double[] {-2, 0.2}));
        assertThat(lambda.getLowerBound()).isBetween(-5.0, -4.0);
        assertThat(lambda.getUpperBound()).isBetween(0.5, 1.5);
        Charts.keep(c, "eigenvalues");
    }
}
