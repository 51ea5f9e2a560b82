package dev.mitosis.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.grow.EpochPoint;
import dev.mitosis.train.EpochMetrics;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class TrainingChartTest {

    private static EpochPoint epoch(int round, int epoch, double trainLoss, double trainAcc, double testLoss,
                                    double testAcc) {
        return new EpochPoint(round, new EpochMetrics(epoch, trainLoss, trainAcc, testLoss, testAcc, 0.02, 3, 512));
    }

    /** Every value axis of the chart, of its subplots too. */
    static List<ValueAxis> axes(XYPlot plot) {
        List<ValueAxis> out = new ArrayList<>();
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            out.add(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            out.add(plot.getRangeAxis(i));
        }
        if (plot instanceof CombinedDomainXYPlot combined) {
            combined.getSubplots().forEach(p -> out.addAll(axes(p)));
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    @Test
    void oneEpochShowsItsFourValuesApartAndInside() {
        TrainingChart t = new TrainingChart();
        t.show(List.of(epoch(1, 1, 0.35, 0.88, 0.40, 0.90)), "Rounds leading to #2");
        ChartRenderingInfo info = Charts.draw(t);
        List<Point2D> points = new ArrayList<>();
        info.getEntityCollection().getEntities().forEach(e -> {
            if (e instanceof XYItemEntity item) {
                Rectangle2D b = item.getArea().getBounds2D();
                points.add(new Point2D.Double(b.getCenterX(), b.getCenterY()));
            }
        });
        assertThat(points).hasSize(4);
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                assertThat(points.get(i).distance(points.get(j))).as("points %d and %d", i, j).isGreaterThan(8);
            }
        }
        ValueAxis epochs = t.chart().getXYPlot().getDomainAxis();
        assertThat(epochs.getLowerBound()).isLessThanOrEqualTo(0.5);
        assertThat(epochs.getUpperBound()).isGreaterThanOrEqualTo(1.5);
        Charts.keep(t, "training-one-epoch");
    }

    @Test
    void anEmptyChartHasNoMeaninglessScale() {
        TrainingChart t = new TrainingChart();
        Charts.draw(t);
        assertThat(axes(t.chart().getXYPlot())).isNotEmpty().allSatisfy(a -> {
            if (a.isVisible() && a.getLabel().contains("accuracy")) {
                assertThat(a.getLowerBound()).isGreaterThanOrEqualTo(0);
                assertThat(a.getUpperBound()).isLessThanOrEqualTo(100);
                assertThat(a.getRange().getLength()).isGreaterThanOrEqualTo(10);
            }
        });
    }

    @Test
    void severalRoundsPlot() {
        TrainingChart t = new TrainingChart();
        t.show(List.of(epoch(1, 1, 0.5, 0.85, 0.45, 0.86), epoch(1, 2, 0.4, 0.88, 0.42, 0.88),
                epoch(2, 1, 0.38, 0.89, 0.40, 0.895), epoch(2, 2, 0.33, 0.9, 0.39, 0.9)), "Rounds leading to #3");
        assertThat(Charts.inkNearTheBorder(Charts.png(t), 8)).isZero();
        Charts.keep(t, "training");
    }
}
