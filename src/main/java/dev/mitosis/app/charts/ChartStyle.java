package dev.mitosis.app.charts;

import dev.mitosis.text.Formats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One look for every chart, close to the AtlantaFX Primer palette of the window: white plots, light
 * grid, dark text, and a fixed colour per meaning (selected neurons orange, the budget red, …) so the
 * same thing has the same colour in every tab and in exported figures.
 */
final class ChartStyle {

    static final Color TEXT = new Color(0x1f2328);
    static final Color MUTED = new Color(0x59636e);
    static final Color GRID = new Color(0xe6e9ed);
    static final Color AXIS = new Color(0xb8c0c8);
    static final Color BAND = new Color(0xf4f6f8);
    static final Color BLUE = new Color(0x0969da);
    static final Color BLUE_LIGHT = new Color(0x6ea8e8);
    static final Color ORANGE = new Color(0xe16f24);
    static final Color GREEN = new Color(0x1a7f37);
    static final Color PURPLE = new Color(0x8250df);
    static final Color RED = new Color(0xcf222e);
    static final Color GREY = new Color(0x6e7781);
    static final Color TEAL = new Color(0x1b7c83);
    static final Paint[] SERIES = {BLUE, ORANGE, GREEN, PURPLE, TEAL, RED, GREY};

    static final Font TITLE = ChartFonts.bold(14);
    static final Font SUBTITLE = ChartFonts.plain(12);
    static final Font LABEL = ChartFonts.plain(12);
    static final Font TICK = ChartFonts.plain(11);

    static final BasicStroke THIN = new BasicStroke(1.0f);
    static final BasicStroke LINE = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private ChartStyle() {
    }

    /** A chart with title, optional subtitle line and legend, themed. */
    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 10, 8, 12));
        TextTitle t = chart.getTitle();
        t.setPaint(TEXT);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(2, 6, 2, 2));
        TextTitle sub = new TextTitle("", SUBTITLE);
        sub.setPaint(MUTED);
        sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
        sub.setPadding(new RectangleInsets(0, 6, 6, 2));
        chart.addSubtitle(0, sub);
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setItemFont(LABEL);
            l.setItemPaint(TEXT);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(AXIS);
        plot.setOutlineVisible(false);
        // The first and last tick labels are centred on the ends of their axes, so half of each hangs
        // past the plot: the insets keep room for half of a wide label ("316.2 k") on every side.
        plot.setInsets(new RectangleInsets(10, 6, 4, 26));
        if (plot instanceof XYPlot xy) {
            xy(xy);
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(GRID);
            cp.setRangeGridlineStroke(THIN);
            cp.setAxisOffset(RectangleInsets.ZERO_INSETS);
            axis(cp.getDomainAxis());
            axis(cp.getRangeAxis());
        }
        return chart;
    }

    private static void xy(XYPlot xy) {
        xy.setBackgroundPaint(Color.WHITE);
        xy.setOutlineVisible(false);
        xy.setDomainGridlinePaint(GRID);
        xy.setRangeGridlinePaint(GRID);
        xy.setDomainGridlineStroke(THIN);
        xy.setRangeGridlineStroke(THIN);
        xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < xy.getDomainAxisCount(); i++) {
            axis(xy.getDomainAxis(i));
        }
        for (int i = 0; i < xy.getRangeAxisCount(); i++) {
            axis(xy.getRangeAxis(i));
        }
        if (xy instanceof CombinedDomainXYPlot combined) {
            combined.getSubplots().forEach(ChartStyle::xy);
        }
    }

    static void axis(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(LABEL);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(MUTED);
        a.setAxisLinePaint(AXIS);
        a.setTickMarkPaint(AXIS);
        // Wider label insets make the automatic tick units sparser: readable, and fewer strings to lay
        // out on every live redraw.
        a.setTickLabelInsets(new RectangleInsets(5, 6, 5, 6));
    }

    /** The subtitle line under the title (added by {@link #chart}). */
    static void subtitle(JFreeChart chart, String text) {
        ((TextTitle) chart.getSubtitle(0)).setText(text);
    }

    static String subtitleOf(JFreeChart chart) {
        return ((TextTitle) chart.getSubtitle(0)).getText();
    }

    /** "test accuracy", or "test accuracy on 500 images" when a growth evaluated on part of the test set. */
    static String testAccuracy(java.util.OptionalInt images) {
        return images.isPresent() ? String.format(java.util.Locale.ROOT, "test accuracy on %,d images", images.getAsInt())
                : "test accuracy";
    }

    /** Tick labels for counts: 0, 250 k, 1.5 M. */
    static NumberFormat countFormat() {
        return new NumberFormat() {
            @Override
            public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
                return toAppendTo.append(Formats.count(number).replace(" ", ""));
            }

            @Override
            public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
                return format((double) number, toAppendTo, pos);
            }

            @Override
            public Number parse(String source, ParsePosition parsePosition) {
                return null;
            }
        };
    }
}
