package dev.mitosis.app.charts;

import dev.mitosis.text.CsvTable;
import dev.mitosis.app.grow.EpochPoint;
import dev.mitosis.train.EpochMetrics;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training tab: fine-tuning loss (top) and accuracy (bottom) per epoch, epochs counted across the
 * rounds that led to the candidate shown, with a marker where each round starts. Loss and accuracy
 * get a panel each over one epoch axis: on two axes fitted each to its own data in one panel, the
 * curves lay over one another (with one epoch, exactly).
 */
public final class TrainingChart implements ChartSource {

    private static final String NONE = "No fine-tuning epochs for this candidate (seeds and templates have none)";

    private final XYSeries trainLoss = new XYSeries("train loss", false, true);
    private final XYSeries testLoss = new XYSeries("test loss", false, true);
    private final XYSeries trainAcc = new XYSeries("train accuracy", false, true);
    private final XYSeries testAcc = new XYSeries("test accuracy", false, true);
    private final NumberAxis epochs = new NumberAxis("epoch (counted across rounds)");
    private final NumberAxis loss = new NumberAxis("loss (nats)");
    private final NumberAxis accuracy = new NumberAxis("accuracy (%)");
    private final XYPlot lossPlot;
    private final XYPlot accuracyPlot;
    private final JFreeChart chart;
    private List<EpochPoint> points = List.of();
    private String caption = "";
    private Optional<String> running = Optional.empty();
    private OptionalInt testImages = OptionalInt.empty();

    public TrainingChart() {
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        loss.setAutoRangeIncludesZero(false);
        loss.setAutoRangeMinimumSize(0.05);
        accuracy.setAutoRangeIncludesZero(false);
        // Accuracies a few tenths apart must not fill the panel as if they were far apart.
        accuracy.setAutoRangeMinimumSize(2.0);
        XYSeriesCollection losses = new XYSeriesCollection();
        losses.addSeries(trainLoss);
        losses.addSeries(testLoss);
        XYSeriesCollection accuracies = new XYSeriesCollection();
        accuracies.addSeries(trainAcc);
        accuracies.addSeries(testAcc);
        lossPlot = new XYPlot(losses, null, loss, renderer(ChartStyle.BLUE, ChartStyle.PURPLE, "{0} after epoch {1}: {2}"));
        accuracyPlot = new XYPlot(accuracies, null, accuracy,
                renderer(ChartStyle.GREEN, ChartStyle.ORANGE, "{0} after epoch {1}: {2} %"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.setGap(18);
        plot.add(lossPlot, 1);
        plot.add(accuracyPlot, 1);
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

    /** Replaces the epochs shown (a stored candidate's lineage). FX thread. */
    public void show(List<EpochPoint> next, String caption) {
        show(next, caption, Optional.empty());
    }

    /**
     * Replaces the epochs shown; {@code running} says what a live growth does until its next epoch ends
     * ("fine-tuning round 2, epoch 1 of 3…"), empty when nothing runs. FX thread.
     */
    public void show(List<EpochPoint> next, String caption, Optional<String> running) {
        this.points = List.copyOf(next);
        this.caption = caption;
        this.running = running;
        chart.setNotify(false);
        try {
            trainLoss.clear();
            testLoss.clear();
            trainAcc.clear();
            testAcc.clear();
            lossPlot.clearDomainMarkers();
            accuracyPlot.clearDomainMarkers();
            int previousRound = Integer.MIN_VALUE;
            for (int i = 0; i < points.size(); i++) {
                EpochPoint p = points.get(i);
                add(i + 1, p.metrics());
                if (p.round() != previousRound) {
                    marker(i + 0.5, p.round());
                    previousRound = p.round();
                }
            }
            fit();
            describe();
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * How many test images the test accuracy was measured on, when a growth used only part of the test
     * set (legend and subtitle say so); empty for the whole set. FX thread.
     */
    public void setTestImages(OptionalInt images) {
        this.testImages = images;
        testAcc.setKey(ChartStyle.testAccuracy(images));
        describe();
    }

    private void describe() {
        String live = running.map(r -> " · " + r).orElse("");
        String subset = testImages.isPresent() ? " · " + ChartStyle.testAccuracy(testImages) : "";
        ChartStyle.subtitle(chart, points.isEmpty() ? running.map(r -> caption + live).orElse(NONE)
                : caption + String.format(Locale.ROOT, " · %d epoch%s", points.size(), points.size() == 1 ? "" : "s")
                + live + subset);
    }

    /**
     * Epochs from half an epoch before the first to half after the last, so the first round's marker
     * and a lone epoch show; no scales at all while there is nothing to measure.
     */
    private void fit() {
        boolean any = !points.isEmpty();
        for (NumberAxis a : new NumberAxis[] {epochs, loss, accuracy}) {
            a.setVisible(any);
        }
        for (XYPlot p : new XYPlot[] {lossPlot, accuracyPlot}) {
            p.setDomainGridlinesVisible(any);
            p.setRangeGridlinesVisible(any);
        }
        epochs.setRange(0.5, Math.max(1, points.size()) + 0.5);
        loss.setAutoRange(true);
        accuracy.setAutoRange(true);
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

    /** A dashed line where a round starts in both panels, labelled in the top one. */
    private void marker(double x, int round) {
        for (XYPlot p : new XYPlot[] {lossPlot, accuracyPlot}) {
            ValueMarker m = new ValueMarker(x, ChartStyle.AXIS, ChartStyle.DASHED);
            if (p == lossPlot) {
                m.setLabel("round " + round);
                m.setLabelFont(ChartStyle.TICK);
                m.setLabelPaint(ChartStyle.MUTED);
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 0));
            }
            p.addDomainMarker(m);
        }
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
    public Optional<String> emptyMessage() {
        if (!points.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(running.map(r -> "Live run: " + r + "\nLoss and accuracy appear here as each epoch ends.")
                .orElse("No fine-tuning epochs for this candidate: seeds and templates have none. Grow the network to"
                        + " see loss and accuracy per epoch."));
    }

    @Override
    public void resetZoom() {
        fit();
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
