package dev.mitosis.app.charts;

import dev.mitosis.text.CsvTable;
import dev.mitosis.app.grow.NeuronFrame;

import dev.mitosis.run.LayerSnapshot;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * Eigenvalues tab: every neuron's λ_min (the smallest eigenvalue of its splitting matrix; negative
 * means splitting it lowers the loss), one strip per splittable layer, neurons chosen for splitting
 * marked in orange. Updates in place from {@link NeuronFrame}s: thousands of points, one dataset event
 * per frame, no per-point entities (hover text comes from {@link #tooltipAt}).
 */
public final class EigenvalueChart implements ChartSource {

    /** Fraction of a layer's strip the neurons spread over (the rest is the gap between strips). */
    private static final double SPREAD = 0.84;

    private final LayerAxis layerAxis = new LayerAxis("neuron, by splittable layer (strip width = 1 layer)");
    private final NumberAxis lambdaAxis = new NumberAxis("λ_min  (Δloss per unit split², nats)");
    private final PointsDataset neurons = new PointsDataset("neuron λ_min");
    private final PointsDataset selected = new PointsDataset("selected for splitting");
    private final XYPlot plot;
    private final JFreeChart chart;
    private NeuronFrame frame;
    private Runnable pointsChanged = () -> { };
    /** Per point of each dataset: layer index and neuron index, for hover texts. */
    private int[][] layerOf = {new int[0], new int[0]};
    private int[][] neuronOf = {new int[0], new int[0]};

    public EigenvalueChart() {
        lambdaAxis.setAutoRange(false);
        DenseDotRenderer dots = new DenseDotRenderer(3, ChartStyle.BLUE_LIGHT, null);
        DenseDotRenderer marks = new DenseDotRenderer(6, ChartStyle.ORANGE, new Color(0x953800));
        plot = new XYPlot(neurons, layerAxis, lambdaAxis, dots);
        plot.setDataset(1, selected);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);
        ValueMarker zero = new ValueMarker(0, ChartStyle.MUTED, ChartStyle.DASHED);
        zero.setLabel("λ = 0");
        zero.setLabelFont(ChartStyle.TICK);
        zero.setLabelPaint(ChartStyle.MUTED);
        zero.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        zero.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        zero.setLabelOffset(new RectangleInsets(2, 2, 2, 6));
        zero.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        plot.addRangeMarker(zero);
        chart = ChartStyle.chart("Splitting eigenvalues per neuron", plot, true);
        show(null);
    }

    /**
     * Shows a frame; null shows the empty state. FX thread. The chart itself (axes, legend, subtitle)
     * redraws only when its text, its layers or its λ range must change; otherwise only the points
     * layer repaints. The λ range has headroom and hysteresis, so a converging probe rarely moves it;
     * a frame with a selection (the probe's final one, or a stored round's) is always fitted.
     */
    public void show(NeuronFrame next) {
        this.frame = next;
        if (next == null || next.layers().isEmpty()) {
            chart.setNotify(false);
            try {
                ChartStyle.subtitle(chart, "");
                layerAxis.setLayers(List.of());
                neurons.set(0, new double[0], new double[0], 0);
                selected.set(0, new double[0], new double[0], 0);
                setBands(0);
                lambdaAxis.setRange(-1, 1);
                neurons.changed();
                selected.changed();
            } finally {
                chart.setNotify(true);
            }
            return;
        }
        fill(next);
        List<String> names = next.layers().stream().map(l -> dev.mitosis.net.Layer.shortName(l.key())).toList();
        String subtitle = String.format(Locale.ROOT, "%s · %,d neurons in %d layers%s · below 0, splitting lowers the loss",
                next.caption(), next.neurons(), next.layers().size(),
                next.hasSelection() ? String.format(Locale.ROOT, " · %,d selected", next.selectedCount()) : "");
        double[] range = dataRange();
        // Hysteresis suits the converging estimates of a live probe; the frame with the selection is the
        // one that stays on screen and goes into exports, so it gets an axis fitted to its own data.
        boolean refit = next.hasSelection() || needsRefit(range);
        boolean relabel = !names.equals(layerAxis.layers());
        if (!refit && !relabel && subtitle.equals(ChartStyle.subtitleOf(chart))) {
            pointsChanged.run();
            return;
        }
        chart.setNotify(false);
        try {
            if (relabel) {
                layerAxis.setLayers(names);
                setBands(names.size());
            }
            if (refit || relabel) {
                double span = Math.max(1e-9, range[1] - range[0]);
                lambdaAxis.setRange(range[0] - 0.12 * span, range[1] + 0.12 * span);
            }
            ChartStyle.subtitle(chart, subtitle);
            neurons.changed();
            selected.changed();
        } finally {
            chart.setNotify(true);
        }
    }

    /** Smallest and largest λ shown, always including 0. */
    private double[] dataRange() {
        double lo = 0;
        double hi = 0;
        for (PointsDataset d : new PointsDataset[] {neurons, selected}) {
            for (int i = 0; i < d.getItemCount(0); i++) {
                double y = d.y(0, i);
                if (Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** The axis must move when points fall outside it, or when they fill less than a third of it. */
    private boolean needsRefit(double[] range) {
        double lo = lambdaAxis.getLowerBound();
        double hi = lambdaAxis.getUpperBound();
        boolean outside = range[0] < lo || range[1] > hi;
        boolean loose = (range[1] - range[0]) < (hi - lo) / 3;
        return outside || loose;
    }

    public NeuronFrame frame() {
        return frame;
    }

    /** Points drawn (all neurons, selected ones too), for tests and the benchmark. */
    public int pointCount() {
        return neurons.getItemCount(0) + selected.getItemCount(0);
    }

    private void fill(NeuronFrame f) {
        int total = f.neurons();
        int chosen = f.selectedCount();
        double[] nx = new double[total - chosen];
        double[] ny = new double[total - chosen];
        double[] sx = new double[chosen];
        double[] sy = new double[chosen];
        int[][] lo = {new int[nx.length], new int[sx.length]};
        int[][] no = {new int[nx.length], new int[sx.length]};
        int a = 0;
        int b = 0;
        for (int l = 0; l < f.layers().size(); l++) {
            LayerSnapshot s = f.layers().get(l);
            int w = s.width();
            for (int j = 0; j < w; j++) {
                double x = l + (1 - SPREAD) / 2 + SPREAD * (j + 0.5) / w;
                if (s.isSelected(j)) {
                    sx[b] = x;
                    sy[b] = s.lambdaMin()[j];
                    lo[1][b] = l;
                    no[1][b++] = j;
                } else {
                    nx[a] = x;
                    ny[a] = s.lambdaMin()[j];
                    lo[0][a] = l;
                    no[0][a++] = j;
                }
            }
        }
        neurons.set(0, nx, ny, a);
        selected.set(0, sx, sy, b);
        layerOf = lo;
        neuronOf = no;
    }

    private void setBands(int layers) {
        plot.clearDomainMarkers();
        for (int i = 1; i < layers; i += 2) {
            IntervalMarker band = new IntervalMarker(i, i + 1, ChartStyle.BAND);
            band.setOutlinePaint(null);
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String fileName() {
        return "eigenvalues";
    }

    @Override
    public Optional<String> emptyMessage() {
        return frame == null || frame.layers().isEmpty()
                ? Optional.of("No splitting statistics for this candidate yet.\nClick Grow to probe the network:"
                + " every neuron's λ_min appears here as the probe runs.") : Optional.empty();
    }

    @Override
    public boolean itemTooltips() {
        return false;
    }

    @Override
    public void resetZoom() {
        layerAxis.setRange(new org.jfree.data.Range(0, Math.max(1, layerAxis.layers().size())));
        double[] range = dataRange();
        double span = Math.max(1e-9, range[1] - range[0]);
        lambdaAxis.setRange(range[0] - 0.12 * span, range[1] + 0.12 * span);
    }

    @Override
    public void onPointsChanged(Runnable repaint) {
        this.pointsChanged = repaint;
    }

    @Override
    public Optional<String> tooltipAt(double px, double py, Rectangle2D area) {
        if (frame == null) {
            return Optional.empty();
        }
        double best = 8 * 8;
        int bestSet = -1;
        int bestItem = -1;
        PointsDataset[] sets = {neurons, selected};
        for (int d = 0; d < 2; d++) {
            PointsDataset set = sets[d];
            for (int i = 0; i < set.getItemCount(0); i++) {
                double sx = layerAxis.valueToJava2D(set.x(0, i), area, RectangleEdge.BOTTOM);
                double sy = lambdaAxis.valueToJava2D(set.y(0, i), area, RectangleEdge.LEFT);
                double dist = (sx - px) * (sx - px) + (sy - py) * (sy - py);
                if (dist <= best) {
                    best = dist;
                    bestSet = d;
                    bestItem = i;
                }
            }
        }
        if (bestSet < 0) {
            return Optional.empty();
        }
        LayerSnapshot layer = frame.layers().get(layerOf[bestSet][bestItem]);
        int neuron = neuronOf[bestSet][bestItem];
        return Optional.of(String.format(Locale.ROOT, "%s · neuron %d of %d%nλ_min = %.5g%s", layer.key(), neuron,
                layer.width(), layer.lambdaMin()[neuron], bestSet == 1 ? "\nselected for splitting" : ""));
    }

    @Override
    public CsvTable csv() {
        CsvTable.Builder t = CsvTable.of("layer", "neuron", "lambda_min", "selected", "mac_cost_per_neuron");
        if (frame != null) {
            for (LayerSnapshot l : frame.layers()) {
                for (int j = 0; j < l.width(); j++) {
                    t.row(l.key(), j, l.lambdaMin()[j], l.hasSelection() ? l.isSelected(j) : null,
                            l.macCost() >= 0 ? l.macCost() : null);
                }
            }
        }
        return t.build();
    }

    /** The neurons each layer strip shows, for tests. */
    List<Integer> widths() {
        List<Integer> w = new ArrayList<>();
        if (frame != null) {
            frame.layers().forEach(l -> w.add(l.width()));
        }
        return w;
    }
}
