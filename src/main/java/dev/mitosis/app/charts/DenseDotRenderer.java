package dev.mitosis.app.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
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
 * Square dots for thousands of points. On screen (an {@link FXGraphics2D}) it rasterises a whole series
 * into one image and draws that, so a redraw is one image instead of thousands of canvas commands for
 * the FX render thread; in exports (SVG, PDF, PNG through Java2D) it draws vector squares as usual.
 * Dots may have a darker border ({@code outline}) to mark chosen points.
 */
final class DenseDotRenderer extends AbstractXYItemRenderer {

    private static final long serialVersionUID = 1L;
    private final int size;
    private final Color outline;
    private transient BufferedImage buffer;

    DenseDotRenderer(int size, Color fill, Color outline) {
        this.size = size;
        this.outline = outline;
        setDefaultPaint(fill);
        setAutoPopulateSeriesPaint(false);
        setDefaultCreateEntities(false);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (item != 0 || !getItemVisible(series, item)) {
            return;
        }
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        int n = dataset.getItemCount(series);
        Paint paint = lookupSeriesPaint(series);
        if (!(g2 instanceof FXGraphics2D) || !(paint instanceof Color)) {
            double half = size / 2.0;
            for (int i = 0; i < n; i++) {
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
            return;
        }
        int w = (int) Math.ceil(dataArea.getWidth());
        int h = (int) Math.ceil(dataArea.getHeight());
        if (w <= 0 || h <= 0 || n == 0) {
            return;
        }
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            buffer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        }
        int[] pixels = ((DataBufferInt) buffer.getRaster().getDataBuffer()).getData();
        Arrays.fill(pixels, 0);
        int fill = ((Color) paint).getRGB();
        int edge = outline == null ? fill : outline.getRGB();
        int half = size / 2;
        double x0 = dataArea.getX();
        double y0 = dataArea.getY();
        for (int i = 0; i < n; i++) {
            int cx = (int) Math.round(domainAxis.valueToJava2D(dataset.getXValue(series, i), dataArea, xEdge) - x0);
            int cy = (int) Math.round(rangeAxis.valueToJava2D(dataset.getYValue(series, i), dataArea, yEdge) - y0);
            for (int dy = -half; dy < size - half; dy++) {
                int py = cy + dy;
                if (py < 0 || py >= h) {
                    continue;
                }
                for (int dx = -half; dx < size - half; dx++) {
                    int px = cx + dx;
                    if (px >= 0 && px < w) {
                        boolean border = dx == -half || dy == -half || dx == size - half - 1 || dy == size - half - 1;
                        pixels[py * w + px] = border ? edge : fill;
                    }
                }
            }
        }
        g2.drawImage(buffer, (int) Math.round(x0), (int) Math.round(y0), null);
    }

    @Override
    public LegendItem getLegendItem(int datasetIndex, int series) {
        XYPlot plot = getPlot();
        if (plot == null || plot.getDataset(datasetIndex) == null) {
            return null;
        }
        String label = plot.getDataset(datasetIndex).getSeriesKey(series).toString();
        Shape shape = new Rectangle2D.Double(-4, -4, 8, 8);
        LegendItem item = outline == null ? new LegendItem(label, null, null, null, shape, lookupSeriesPaint(series))
                : new LegendItem(label, null, null, null, shape, lookupSeriesPaint(series), ChartStyle.THIN, outline);
        item.setLabelFont(ChartStyle.LABEL);
        item.setLabelPaint(ChartStyle.TEXT);
        return item;
    }
}
