package dev.mitosis.app.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/** A ring of fixed screen size around a data point, with a label above it: marks a selected point. */
final class RingAnnotation extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;
    private static final double RADIUS = 9;
    private final double x;
    private final double y;
    private final String label;
    private final Color colour;

    RingAnnotation(double x, double y, String label, Color colour) {
        this.x = x;
        this.y = y;
        this.label = label;
        this.colour = colour;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = Plot2D.domainEdge(plot);
        RectangleEdge yEdge = Plot2D.rangeEdge(plot);
        double sx = domainAxis.valueToJava2D(x, dataArea, xEdge);
        double sy = rangeAxis.valueToJava2D(y, dataArea, yEdge);
        if (!dataArea.contains(sx, sy)) {
            return;
        }
        g2.setPaint(colour);
        g2.setStroke(ChartStyle.LINE);
        g2.draw(new Ellipse2D.Double(sx - RADIUS, sy - RADIUS, 2 * RADIUS, 2 * RADIUS));
        g2.setFont(ChartStyle.LABEL);
        TextUtils.drawAlignedString(label, g2, (float) sx, (float) (sy - RADIUS - 3), TextAnchor.BOTTOM_CENTER);
    }

    /** Axis edges of an XY plot, as JFreeChart's own annotations resolve them. */
    private static final class Plot2D {
        static RectangleEdge domainEdge(XYPlot plot) {
            return org.jfree.chart.plot.Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        }

        static RectangleEdge rangeEdge(XYPlot plot) {
            return org.jfree.chart.plot.Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        }
    }
}
