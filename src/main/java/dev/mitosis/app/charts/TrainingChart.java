package dev.mitosis.app.charts;

import dev.mitosis.text.CsvTable;
import dev.mitosis.app.grow.EpochPoint;
import dev.mitosis.train.EpochMetrics;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training tab: fine-tuning loss (left axis) and accuracy (right axis) per epoch, epochs counted
 * across the rounds that led to the candidate shown, with a marker where each round starts.
 */
public final class TrainingChart implements ChartSource {

    private final XYSeries trainLoss = new XYSeries("train loss", false, true);
    private final XYSeries testLoss = new XYSeries("test loss", false, true);
    private final XYSeries trainAcc = new XYSeries("train accuracy", false, true);
    private final XYSeries testAcc = new XYSeries("test accuracy", false, true);
    private final XYPlot plot;
    private final JFreeChart chart;
    private List<EpochPoint> points = List.of();

    public TrainingChart() {
        NumberAxis epochs = new NumberAxis("epoch (counted across rounds)");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false);
        NumberAxis loss = new NumberAxis("loss (cross-entropy, nats)");
        loss.setAutoRangeIncludesZero(false);
        NumberAxis acc = new NumberAxis("accuracy (%)");
        acc.setAutoRangeIncludesZero(false);
        XYSeriesCollection losses = new XYSeriesCollection();
        losses.addSeries(trainLoss);
        losses.addSeries(testLoss);
        XYSeriesCollection accuracies = new XYSeriesCollection();
        accuracies.addSeries(trainAcc);
        accuracies.addSeries(testAcc);
        plot = new XYPlot(losses, epochs, loss, renderer(ChartStyle.BLUE, ChartStyle.PURPLE, "{0} after epoch {1}: {2}"));
        plot.setRangeAxis(1, acc);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, accuracies);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(ChartStyle.GREEN, ChartStyle.ORANGE, "{0} after epoch {1}: {2} %"));
        chart = ChartStyle.chart("Fine-tuning: loss and accuracy", plot, true);
        show(List.of(), "");
    }

    private static XYLineAndShapeRenderer renderer(java.awt.Color train, java.awt.Color test, String tooltip) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, train);
        r.setSeriesPaint(1, test);
        r.setSeriesStroke(0, ChartStyle.LINE);
        r.setSeriesStroke(1, ChartStyle.DASHED);
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setDrawSeriesLineAsPath(true);
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator(tooltip,
                java.text.NumberFormat.getIntegerInstance(Locale.ROOT), new java.text.DecimalFormat("0.####")));
        return r;
    }

    /** Replaces the epochs shown. FX thread. */
    public void show(List<EpochPoint> next, String caption) {
        this.points = List.copyOf(next);
        chart.setNotify(false);
        try {
            trainLoss.clear();
            testLoss.clear();
            trainAcc.clear();
            testAcc.clear();
            plot.clearDomainMarkers();
            int previousRound = Integer.MIN_VALUE;
            for (int i = 0; i < points.size(); i++) {
                EpochPoint p = points.get(i);
                add(i + 1, p.metrics());
                if (p.round() != previousRound) {
                    marker(i + 0.5, p.round());
                    previousRound = p.round();
                }
            }
            ChartStyle.subtitle(chart, points.isEmpty()
                    ? "No fine-tuning epochs for this candidate (seeds and templates have none; grow to see them)"
                    : caption + String.format(Locale.ROOT, " · %d epochs", points.size()));
        } finally {
            chart.setNotify(true);
        }
    }

    /** Adds one epoch of a running growth. FX thread. */
    public void append(EpochPoint p, String caption) {
        List<EpochPoint> next = new java.util.ArrayList<>(points);
        next.add(p);
        show(next, caption);
    }

    public List<EpochPoint> points() {
        return points;
    }

    private void add(double x, EpochMetrics m) {
        addIfFinite(trainLoss, x, m.trainLoss());
        addIfFinite(testLoss, x, m.testLoss());
        addIfFinite(trainAcc, x, 100 * m.trainAccuracy());
        addIfFinite(testAcc, x, 100 * m.testAccuracy());
    }

    private static void addIfFinite(XYSeries s, double x, double y) {
        if (Double.isFinite(y)) {
            s.add(x, y);
        }
    }

    private void marker(double x, int round) {
        ValueMarker m = new ValueMarker(x, ChartStyle.AXIS, ChartStyle.DASHED);
        m.setLabel("round " + round);
        m.setLabelFont(ChartStyle.TICK);
        m.setLabelPaint(ChartStyle.MUTED);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 0));
        plot.addDomainMarker(m);
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String fileName() {
        return "training";
    }

    @Override
    public java.util.Optional<String> emptyMessage() {
        return points.isEmpty() ? java.util.Optional.of("No fine-tuning epochs for this candidate: seeds and templates"
                + " have none. Grow the network to see loss and accuracy per epoch.") : java.util.Optional.empty();
    }

    @Override
    public CsvTable csv() {
        CsvTable.Builder t = CsvTable.of("round", "epoch", "epoch_overall", "train_loss", "train_accuracy", "test_loss",
                "test_accuracy", "lr", "seconds");
        for (int i = 0; i < points.size(); i++) {
            EpochMetrics m = points.get(i).metrics();
            t.row(points.get(i).round(), m.epoch(), i + 1, m.trainLoss(), m.trainAccuracy(), m.testLoss(),
                    m.testAccuracy(), m.lr(), m.seconds());
        }
        return t.build();
    }
}
