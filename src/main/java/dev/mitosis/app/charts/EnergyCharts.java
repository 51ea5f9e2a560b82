package dev.mitosis.app.charts;

import dev.mitosis.text.CsvTable;
import dev.mitosis.app.grow.NeuronFrame;
import dev.mitosis.net.Layer;
import dev.mitosis.run.LayerSnapshot;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Energy tab: what growing each layer costs. {@link #costs()} is the MAC cost of one more neuron per
 * layer (bars, with the neurons chosen per layer); {@link #scatter()} puts every neuron at (its MAC
 * cost, its λ_min), chosen ones in orange, with the {@link SelectionBoundary}.
 */
public final class EnergyCharts {

    private final CostChart costs = new CostChart();
    private final ScatterChart scatter = new ScatterChart();
    private NeuronFrame frame;

    public ChartSource costs() {
        return costs;
    }

    public ChartSource scatter() {
        return scatter;
    }

    public void show(NeuronFrame next) {
        this.frame = next;
        costs.show(next);
        scatter.show(next);
    }

    public NeuronFrame frame() {
        return frame;
    }

    private static boolean hasCosts(NeuronFrame f) {
        return f != null && !f.layers().isEmpty() && f.layers().stream().allMatch(l -> l.macCost() > 0);
    }

    private CsvTable table() {
        CsvTable.Builder t = CsvTable.of("layer", "neuron", "mac_cost_per_neuron", "lambda_min", "selected");
        if (frame != null) {
            for (LayerSnapshot l : frame.layers()) {
                for (int j = 0; j < l.width(); j++) {
                    t.row(l.key(), j, l.macCost() >= 0 ? l.macCost() : null, l.lambdaMin()[j],
                            l.hasSelection() ? l.isSelected(j) : null);
                }
            }
        }
        return t.build();
    }

    /** What the tab's two charts share: one frame, one table, and what they say while the frame has no costs. */
    private abstract class Part implements ChartSource {
        private final String fileName;
        private final String withoutStatistics;

        Part(String fileName, String withoutStatistics) {
            this.fileName = fileName;
            this.withoutStatistics = withoutStatistics;
        }

        /** Replaces what is drawn by a frame with costs. */
        abstract void draw(NeuronFrame f);

        /** Removes what is drawn. */
        abstract void clear();

        /** Shows {@code f}, redrawing once at the end. */
        final void show(NeuronFrame f) {
            chart().setNotify(false);
            try {
                if (hasCosts(f)) {
                    draw(f);
                } else {
                    clear();
                    ChartStyle.subtitle(chart(), f == null || f.layers().isEmpty()
                            ? "No splitting statistics for this candidate"
                            : "Costs are known once the round's selection is made");
                }
            } finally {
                chart().setNotify(true);
            }
        }

        @Override
        public String fileName() {
            return fileName;
        }

        @Override
        public Optional<String> emptyMessage() {
            return hasCosts(frame) ? Optional.empty() : Optional.of(frame == null || frame.layers().isEmpty()
                    ? withoutStatistics : "Costs appear once the round's selection is made.");
        }

        @Override
        public CsvTable csv() {
            return table();
        }
    }

    private final class CostChart extends Part {
        private final DefaultCategoryDataset data = new DefaultCategoryDataset();
        private final JFreeChart chart;

        CostChart() {
            super("cost-per-neuron", "No splitting statistics for this candidate yet.");
            CategoryAxis layers = new CategoryAxis("splittable layer");
            layers.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            layers.setCategoryMargin(0.15);
            NumberAxis macs = new NumberAxis("MACs added per neuron");
            macs.setNumberFormatOverride(ChartStyle.countFormat());
            BarRenderer bars = new BarRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setSeriesPaint(0, ChartStyle.TEAL);
            bars.setItemMargin(0.0);
            bars.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: {2} MACs per added neuron",
                    java.text.NumberFormat.getIntegerInstance(Locale.ROOT)));
            CategoryPlot plot = new CategoryPlot(data, layers, macs, bars);
            plot.setOrientation(PlotOrientation.VERTICAL);
            chart = ChartStyle.chart("Cost of one more neuron", plot, false);
        }

        @Override
        void draw(NeuronFrame f) {
            data.clear();
            for (LayerSnapshot l : f.layers()) {
                data.addValue(l.macCost(), "MACs per neuron", Layer.shortName(l.key()));
            }
            ChartStyle.subtitle(chart, "MACs per image that one more neuron adds");
        }

        @Override
        void clear() {
            data.clear();
        }

        @Override
        public JFreeChart chart() {
            return chart;
        }

        @Override
        public void resetZoom() {
            ((CategoryPlot) chart.getPlot()).getRangeAxis().setAutoRange(true);
        }
    }

    private final class ScatterChart extends Part {
        private final LogAxis cost = new CountLogAxis("MACs added per neuron (log scale)");
        private final NumberAxis lambda = new NumberAxis("λ_min  (Δloss per unit split², nats)");
        private final PointsDataset passed = new PointsDataset("neuron");
        private final PointsDataset chosen = new PointsDataset("selected for splitting");
        private final XYSeriesCollection boundaryData = new XYSeriesCollection();
        private final JFreeChart chart;
        private final XYLineAndShapeRenderer boundaryRenderer;

        ScatterChart() {
            super("lambda-vs-cost", "Grow the network to see each neuron's loss decrease against its energy cost.");
            lambda.setAutoRangeIncludesZero(true);
            DenseDotRenderer dots = new DenseDotRenderer(3, ChartStyle.BLUE_LIGHT, null);
            DenseDotRenderer marks = new DenseDotRenderer(6, ChartStyle.ORANGE, new java.awt.Color(0x953800));
            boundaryRenderer = new XYLineAndShapeRenderer(true, false);
            boundaryRenderer.setSeriesPaint(0, ChartStyle.RED);
            boundaryRenderer.setSeriesStroke(0, ChartStyle.DASHED);
            boundaryRenderer.setDefaultCreateEntities(false);
            XYPlot plot = new XYPlot(passed, cost, lambda, dots);
            plot.setDataset(1, chosen);
            plot.setRenderer(1, marks);
            plot.setDataset(2, boundaryData);
            plot.setRenderer(2, boundaryRenderer);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            chart = ChartStyle.chart("Loss decrease vs energy cost", plot, true);
        }

        @Override
        void draw(NeuronFrame f) {
            boundaryData.removeAllSeries();
            int total = f.neurons();
            int sel = f.selectedCount();
            double[] px = new double[total - sel];
            double[] py = new double[total - sel];
            double[] sx = new double[sel];
            double[] sy = new double[sel];
            int a = 0;
            int b = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (LayerSnapshot l : f.layers()) {
                lo = Math.min(lo, l.macCost());
                hi = Math.max(hi, l.macCost());
                for (int j = 0; j < l.width(); j++) {
                    if (l.isSelected(j)) {
                        sx[b] = l.macCost();
                        sy[b++] = l.lambdaMin()[j];
                    } else {
                        px[a] = l.macCost();
                        py[a++] = l.lambdaMin()[j];
                    }
                }
            }
            points(px, py, a, sx, sy, b);
            Optional<SelectionBoundary> boundary = SelectionBoundary.of(f);
            if (boundary.isPresent()) {
                XYSeries line = new XYSeries(boundary.get().label(), false, true);
                double from = lo / 1.5;
                double to = hi * 1.5;
                for (int i = 0; i <= 40; i++) {
                    double c = from * Math.pow(to / from, i / 40.0);
                    line.add(c, boundary.get().lambdaAt(c));
                }
                boundaryData.addSeries(line);
            }
            ChartStyle.subtitle(chart, f.caption() + (f.hasSelection() ? " · " + f.strategy() : ""));
        }

        @Override
        void clear() {
            boundaryData.removeAllSeries();
            points(new double[0], new double[0], 0, new double[0], new double[0], 0);
        }

        /** Replaces the points of both series, announcing each once. */
        private void points(double[] px, double[] py, int passedCount, double[] sx, double[] sy, int chosenCount) {
            passed.set(0, px, py, passedCount);
            chosen.set(0, sx, sy, chosenCount);
            passed.changed();
            chosen.changed();
        }

        @Override
        public JFreeChart chart() {
            return chart;
        }

        @Override
        public boolean itemTooltips() {
            return false;
        }

        @Override
        public Optional<String> tooltipAt(double px, double py, Rectangle2D area) {
            if (frame == null) {
                return Optional.empty();
            }
            double best = 8 * 8;
            String text = null;
            for (LayerSnapshot l : frame.layers()) {
                if (l.macCost() <= 0) {
                    continue;
                }
                double sx = cost.valueToJava2D(l.macCost(), area, RectangleEdge.BOTTOM);
                if (Math.abs(sx - px) > 8) {
                    continue;
                }
                for (int j = 0; j < l.width(); j++) {
                    double sy = lambda.valueToJava2D(l.lambdaMin()[j], area, RectangleEdge.LEFT);
                    double d = (sx - px) * (sx - px) + (sy - py) * (sy - py);
                    if (d <= best) {
                        best = d;
                        text = String.format(Locale.ROOT, "%s · neuron %d%ncost %,d MACs · λ_min = %.5g%s", l.key(), j,
                                l.macCost(), l.lambdaMin()[j], l.isSelected(j) ? "\nselected for splitting" : "");
                    }
                }
            }
            return Optional.ofNullable(text);
        }
    }
}
