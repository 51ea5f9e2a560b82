package dev.mitosis.app.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The MAC budget on the frontier: a vertical dashed line with its label on whichever side has room
 * (decided at draw time, when the axis range is known). A budget outside the visible range shows as a
 * label with an arrow at that edge.
 */
final class BudgetAnnotation extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;
    private final double macs;
    private final String label;

    BudgetAnnotation(double macs, String label) {
        this.macs = macs;
        this.label = label;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge edge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        double x = domainAxis.valueToJava2D(macs, area, edge);
        Color colour = ChartStyle.RED;
        g2.setFont(ChartStyle.TICK);
        g2.setPaint(colour);
        float top = (float) (area.getMinY() + 4);
        if (x < area.getMinX()) {
            TextUtils.drawAlignedString("← " + label, g2, (float) area.getMinX() + 4, top, TextAnchor.TOP_LEFT);
            return;
        }
        if (x > area.getMaxX()) {
            TextUtils.drawAlignedString(label + " →", g2, (float) area.getMaxX() - 4, top, TextAnchor.TOP_RIGHT);
            return;
        }
        g2.setStroke(ChartStyle.DASHED);
        g2.draw(new Line2D.Double(x, area.getMinY(), x, area.getMaxY()));
        boolean roomRight = area.getMaxX() - x > x - area.getMinX();
        TextUtils.drawAlignedString(label, g2, (float) (roomRight ? x + 5 : x - 5), top,
                roomRight ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
    }
}
