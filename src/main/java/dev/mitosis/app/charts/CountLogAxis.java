package dev.mitosis.app.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis for counts whose ticks are numbers a reader can name. JFreeChart's own log axis steps by
 * a fixed fraction of a decade, so half a decade gives ticks at 10^3.5, labelled "3.162k". This one
 * ticks at powers of ten when the range holds a few of them, else at 1, 2 and 5 times them, else at
 * every digit times them (a range within one decade), labelled like the other count axes.
 */
final class CountLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    /** Multiples of each power of ten, from the sparsest set to the densest. */
    private static final double[][] STEPS = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    /** Fewer ticks than this say too little about the scale; more powers of ten than the most are thinned. */
    private static final int FEWEST = 3;
    private static final int MOST = 8;

    CountLogAxis(String label) {
        super(label);
        setNumberFormatOverride(ChartStyle.countFormat());
        setSmallestValue(1);
        setMinorTickMarksVisible(false);
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    private List<ValueTick> ticks(TextAnchor anchor) {
        List<ValueTick> ticks = new ArrayList<>();
        for (double v : values(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(v, getNumberFormatOverride().format(v), anchor, anchor, 0));
        }
        return ticks;
    }

    /** Round values in [lo, hi]: the sparsest set of {@link #STEPS} with at least {@link #FEWEST} of them. */
    static List<Double> values(double lo, double hi) {
        List<Double> chosen = List.of();
        if (!(lo > 0) || !(hi > lo)) {
            return chosen;
        }
        for (double[] steps : STEPS) {
            chosen = inRange(lo, hi, steps);
            if (chosen.size() >= FEWEST) {
                break;
            }
        }
        int stride = (int) Math.ceil(chosen.size() / (double) MOST);
        if (stride <= 1) {
            return chosen;
        }
        List<Double> thinned = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i += stride) {
            thinned.add(chosen.get(i));
        }
        return thinned;
    }

    private static List<Double> inRange(double lo, double hi, double[] steps) {
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            double decade = Math.pow(10, e);
            for (double step : steps) {
                double v = step * decade;
                if (v >= lo && v <= hi) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
