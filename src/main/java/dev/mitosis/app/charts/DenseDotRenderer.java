package dev.mitosis.app.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.fx.FXGraphics2D;

/**
 * Square dots for thousands of points. On screen (an {@link FXGraphics2D}) it draws nothing into the
 * chart: the {@link DotLayer} over the chart rasterises the points ({@link #rasterize}) into one image,
 * which it can refresh without redrawing the chart at all. In exports (SVG, PDF, PNG through Java2D) it
 * draws vector squares. Dots may have a darker border ({@code outline}) to mark chosen points.
 */
final class DenseDotRenderer extends AbstractXYItemRenderer {

    private static final long serialVersionUID = 1L;
    private final int size;
    private final Color fill;
    private final Color outline;

    DenseDotRenderer(int size, Color fill, Color outline) {
        this.size = size;
        this.fill = fill;
        this.outline = outline;
        setDefaultPaint(fill);
        setAutoPopulateSeriesPaint(false);
        setDefaultCreateEntities(false);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (item != 0 || g2 instanceof FXGraphics2D || !getItemVisible(series, item)) {
            return;
        }
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        Paint paint = lookupSeriesPaint(series);
        double half = size / 2.0;
        for (int i = 0; i < dataset.getItemCount(series); i++) {
            double x = domainAxis.valueToJava2D(dataset.getXValue(series, i), dataArea, xEdge);
            double y = rangeAxis.valueToJava2D(dataset.getYValue(series, i), dataArea, yEdge);
            if (dataArea.contains(x, y)) {
                Rectangle2D dot = new Rectangle2D.Double(x - half, y - half, size, size);
                g2.setPaint(paint);
                g2.fill(dot);
                if (outline != null) {
                    g2.setPaint(outline);
                    g2.setStroke(ChartStyle.THIN);
                    g2.draw(dot);
                }
            }
        }
    }

    /**
     * Writes the dataset's points into {@code pixels} (ARGB, {@code w}×{@code h}, the data area's size)
     * at the positions the plot's axes give them in {@code dataArea}.
     */
    void rasterize(int[] pixels, int w, int h, XYPlot plot, XYDataset dataset, Rectangle2D dataArea) {
        ValueAxis domainAxis = plot.getDomainAxisForDataset(plot.indexOf(dataset));
        ValueAxis rangeAxis = plot.getRangeAxisForDataset(plot.indexOf(dataset));
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        int argb = fill.getRGB();
        int edge = outline == null ? argb : outline.getRGB();
        int half = size / 2;
        double x0 = dataArea.getX();
        double y0 = dataArea.getY();
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            int n = dataset.getItemCount(s);
            for (int i = 0; i < n; i++) {
                int cx = (int) Math.round(domainAxis.valueToJava2D(dataset.getXValue(s, i), dataArea, xEdge) - x0);
                int cy = (int) Math.round(rangeAxis.valueToJava2D(dataset.getYValue(s, i), dataArea, yEdge) - y0);
                for (int dy = -half; dy < size - half; dy++) {
                    int py = cy + dy;
                    if (py < 0 || py >= h) {
                        continue;
                    }
                    int row = py * w;
                    for (int dx = -half; dx < size - half; dx++) {
                        int px = cx + dx;
                        if (px >= 0 && px < w) {
                            boolean border = dx == -half || dy == -half || dx == size - half - 1 || dy == size - half - 1;
                            pixels[row + px] = border ? edge : argb;
                        }
                    }
                }
            }
        }
    }

    @Override
    public LegendItem getLegendItem(int datasetIndex, int series) {
        XYPlot plot = getPlot();
        if (plot == null || plot.getDataset(datasetIndex) == null) {
            return null;
        }
        String label = plot.getDataset(datasetIndex).getSeriesKey(series).toString();
        Shape shape = new Rectangle2D.Double(-4, -4, 8, 8);
        LegendItem item = outline == null ? new LegendItem(label, null, null, null, shape, fill)
                : new LegendItem(label, null, null, null, shape, fill, ChartStyle.THIN, outline);
        item.setLabelFont(ChartStyle.LABEL);
        item.setLabelPaint(ChartStyle.TEXT);
        return item;
    }
}
