package dev.mitosis.app.charts;

import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * The dense points of a chart, as one image laid over the chart's data area. It is repainted after
 * every chart redraw (the axes may have moved) and on its own when only the points changed: a live
 * update of thousands of neurons then costs one raster and one texture upload, not a chart redraw with
 * every axis label laid out again.
 */
final class DotLayer extends ImageView {

    private final ChartViewer viewer;
    private final XYPlot plot;
    private WritableImage image;
    private int[] pixels = new int[0];

    DotLayer(ChartViewer viewer, XYPlot plot) {
        this.viewer = viewer;
        this.plot = plot;
        setMouseTransparent(true);
        setManaged(false);
    }

    /** True when the plot has points this layer draws. */
    static boolean wanted(XYPlot plot) {
        for (int i = 0; i < plot.getRendererCount(); i++) {
            if (plot.getRenderer(i) instanceof DenseDotRenderer) {
                return true;
            }
        }
        return false;
    }

    /** Rasterises every dense dataset, in rendering order, into the data area. FX thread. */
    void repaint() {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        int w = (int) Math.ceil(area.getWidth());
        int h = (int) Math.ceil(area.getHeight());
        if (w <= 0 || h <= 0) {
            setImage(null);
            return;
        }
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
        } else {
            Arrays.fill(pixels, 0);
        }
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            XYItemRenderer r = plot.getRenderer(i);
            XYDataset d = plot.getDataset(i);
            if (r instanceof DenseDotRenderer dots && d != null) {
                dots.rasterize(pixels, w, h, plot, d, area);
            }
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        setImage(image);
        relocate(Math.round(area.getX()), Math.round(area.getY()));
    }
}
