package dev.mitosis.app.charts;

import dev.mitosis.text.CsvTable;
import dev.mitosis.text.Formats;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.run.Frontier;
import dev.mitosis.run.Method;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Frontier tab: test accuracy against MACs for every evaluated candidate, one series per method
 * (seed, split, uniform, random, …), the Pareto front as a step line (the best accuracy available at
 * or under each MAC count), the MAC budget as a vertical line, and rings around the selected candidate
 * (A) and the one compared with it (B). Clicking a point selects that candidate. As a figure (exported)
 * it keeps the data and the budget, and leaves out the rings and the hint: they are about the window.
 */
public final class FrontierChart implements ChartSource {

    private final XYSeriesCollection points = new XYSeriesCollection();
    private final XYSeriesCollection front = new XYSeriesCollection();
    private final XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    private final NumberAxis macsAxis = new NumberAxis("MACs per image (multiply-accumulates)");
    private final NumberAxis accuracyAxis = new NumberAxis("test accuracy (%)");
    private final XYPlot plot;
    private final JFreeChart chart;
    private final List<List<CandidateEntry>> bySeries = new ArrayList<>();
    private List<CandidateEntry> candidates = List.of();
    private List<CandidateEntry> pareto = List.of();
    private double budget = Double.NaN;
    private CandidateEntry selected;
    private CandidateEntry compared;
    private OptionalInt testImages = OptionalInt.empty();
    /** True while rendering for an export. */
    private boolean figure;

    public FrontierChart() {
        macsAxis.setNumberFormatOverride(ChartStyle.countFormat());
        macsAxis.setAutoRangeIncludesZero(false);
        macsAxis.setUpperMargin(0.08);
        macsAxis.setLowerMargin(0.08);
        accuracyAxis.setUpperMargin(0.1);
        accuracyAxis.setAutoRangeIncludesZero(false);
        // A lone candidate (or several at one accuracy) must not collapse the axes to a point.
        accuracyAxis.setAutoRangeMinimumSize(2.0);
        accuracyAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.0"));
        pointRenderer.setDefaultToolTipGenerator((dataset, series, item) -> tooltip(bySeries.get(series).get(item)));
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, ChartStyle.TEXT);
        step.setSeriesStroke(0, ChartStyle.DASHED);
        step.setDefaultCreateEntities(false);
        plot = new XYPlot(points, macsAxis, accuracyAxis, pointRenderer);
        plot.setDataset(1, front);
        plot.setRenderer(1, step);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        chart = ChartStyle.chart("Accuracy vs MACs frontier", plot, true);
        show(List.of());
    }

    /** Replaces the candidates plotted. FX thread. */
    public void show(List<CandidateEntry> all) {
        this.candidates = all.stream().filter(CandidateEntry::evaluated).toList();
        this.pareto = Frontier.line(candidates);
        long widest = candidates.stream().mapToLong(CandidateEntry::macs).max().orElse(1);
        macsAxis.setAutoRangeMinimumSize(Math.max(1, 0.3 * widest));
        chart.setNotify(false);
        try {
            points.removeAllSeries();
            front.removeAllSeries();
            bySeries.clear();
            Map<Method, List<CandidateEntry>> groups = new EnumMap<>(Method.class);
            for (CandidateEntry c : candidates) {
                groups.computeIfAbsent(c.record().method(), k -> new ArrayList<>()).add(c);
            }
            int s = 0;
            for (Map.Entry<Method, List<CandidateEntry>> g : groups.entrySet()) {
                XYSeries series = new XYSeries(g.getKey().label(), false, true);
                for (CandidateEntry c : g.getValue()) {
                    series.add(c.macs(), 100 * c.accuracy(), false);
                }
                points.addSeries(series);
                bySeries.add(g.getValue());
                pointRenderer.setSeriesPaint(s, new Color(g.getKey().rgb()));
                pointRenderer.setSeriesShape(s, shape(g.getKey().glyph()));
                s++;
            }
            if (pareto.size() > 1) {
                XYSeries line = new XYSeries("Pareto front", false, true);
                pareto.forEach(c -> line.add(c.macs(), 100 * c.accuracy(), false));
                front.addSeries(line);
            }
            describe();
            decorate();
        } finally {
            chart.setNotify(true);
        }
    }

    private void describe() {
        ChartStyle.subtitle(chart, candidates.isEmpty()
                ? "No evaluated candidates yet" + (figure ? "" : ": grow the network to fill the frontier")
                : String.format(Locale.ROOT, "%d candidate%s · %d on the Pareto front%s", candidates.size(),
                candidates.size() == 1 ? "" : "s", pareto.size(), figure ? "" : " · click a point to select it"));
    }

    /**
     * How many test images the accuracies were measured on, when a growth used only part of the test set
     * (the axis says so); empty for the whole set.
     */
    public void setTestImages(OptionalInt images) {
        this.testImages = images;
        accuracyAxis.setLabel(ChartStyle.testAccuracy(images) + " (%)");
    }

    @Override
    public <T> T asFigure(Supplier<T> render) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            figure = true;
            describe();
            decorate();
            return render.get();
        } finally {
            figure = false;
            describe();
            decorate();
            chart.setNotify(notify);
        }
    }

    /** Moves the budget line. */
    public void setBudget(double macs) {
        this.budget = macs;
        decorate();
    }

    /** Rings the selected candidate (A) and the compared one (B); either may be null. */
    public void setHighlights(CandidateEntry a, CandidateEntry b) {
        this.selected = a;
        this.compared = b;
        decorate();
    }

    /** The candidate behind a clicked chart entity, if it is one of the points. */
    public Optional<CandidateEntry> entryAt(XYItemEntity entity) {
        if (entity.getDataset() != points || entity.getSeriesIndex() >= bySeries.size()) {
            return Optional.empty();
        }
        List<CandidateEntry> series = bySeries.get(entity.getSeriesIndex());
        return entity.getItem() < series.size() ? Optional.of(series.get(entity.getItem())) : Optional.empty();
    }

    public double budget() {
        return budget;
    }

    public int pointCount() {
        int n = 0;
        for (int i = 0; i < points.getSeriesCount(); i++) {
            n += points.getItemCount(i);
        }
        return n;
    }

    private void decorate() {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            plot.clearAnnotations();
            if (Double.isFinite(budget) && budget > 0) {
                plot.addAnnotation(new BudgetAnnotation(budget, "budget " + Formats.count(budget) + " MACs"));
            }
            if (!figure) {
                ring(compared, "B", ChartStyle.PURPLE);
                ring(selected, "A", ChartStyle.RED);
            }
        } finally {
            chart.setNotify(notify);
        }
    }

    private void ring(CandidateEntry c, String label, Color colour) {
        if (c != null && c.evaluated()) {
            plot.addAnnotation(new RingAnnotation(c.macs(), 100 * c.accuracy(), label + " " + c.displayId(), colour));
        }
    }

    private static Shape shape(Method.Glyph glyph) {
        return switch (glyph) {
            case DIAMOND -> ShapeUtils.createDiamond(5.5f);
            case CIRCLE -> new Ellipse2D.Double(-4, -4, 8, 8);
            case TRIANGLE_UP -> ShapeUtils.createUpTriangle(5f);
            case SQUARE -> new Rectangle2D.Double(-3.5, -3.5, 7, 7);
            case TRIANGLE_DOWN -> ShapeUtils.createDownTriangle(5f);
            case CROSS -> ShapeUtils.createDiagonalCross(4f, 1f);
        };
    }

    private static String tooltip(CandidateEntry c) {
        return String.format(Locale.ROOT, "%s · %s · round %d%n%s MACs · %s params · %s accuracy%s", c.displayId(),
                c.record().method().label(), c.record().round(), Formats.count(c.macs()), Formats.count(c.record().params()),
                Formats.percent(c.accuracy()), c.record().parentId() > 0 ? "\ngrown from #" + c.record().parentId() : "");
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String fileName() {
        return "frontier";
    }

    @Override
    public Optional<String> emptyMessage() {
        return candidates.isEmpty() ? Optional.of("No evaluated candidates yet: grow the network to fill the frontier.")
                : Optional.empty();
    }

    @Override
    public CsvTable csv() {
        Set<Long> front = new java.util.HashSet<>();
        pareto.forEach(c -> front.add(c.id()));
        CsvTable.Builder t = CsvTable.of("id", "parent_id", "round", "method", "label", "macs", "params", "accuracy",
                "loss", "pareto", "under_budget", "test_images");
        for (CandidateEntry c : candidates) {
            t.row(c.id(), c.record().parentId(), c.record().round(), c.record().method().id(), c.record().label(), c.macs(),
                    c.record().params(), c.accuracy(), c.record().loss(), front.contains(c.id()),
                    Double.isFinite(budget) ? c.macs() <= budget : null,
                    testImages.isPresent() ? testImages.getAsInt() : null);
        }
        return t.build();
    }
}
