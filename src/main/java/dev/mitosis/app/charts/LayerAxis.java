package dev.mitosis.app.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal axis of equal-width strips, one per layer (layer i spans [i, i+1]), labelled with the
 * layer names at the strip centres. Labels turn vertical when they would not fit side by side.
 */
final class LayerAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    private List<String> labels = List.of();
    private boolean vertical;

    LayerAxis(String label) {
        super(label);
        setAutoRange(false);
        setTickMarksVisible(false);
    }

    void setLayers(List<String> names) {
        this.labels = List.copyOf(names);
        setRange(new org.jfree.data.Range(0, Math.max(1, names.size())), false, true);
    }

    List<String> layers() {
        return labels;
    }

    @Override
    public boolean isVerticalTickLabels() {
        return vertical;
    }

    @Override
    @SuppressWarnings("rawtypes") // JFreeChart's signature
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        if (labels.isEmpty()) {
            return ticks;
        }
        g2.setFont(getTickLabelFont());
        double widest = 0;
        for (String l : labels) {
            widest = Math.max(widest, TextUtils.getTextBounds(l, g2, g2.getFontMetrics()).getWidth());
        }
        double perStrip = dataArea.getWidth() / Math.max(1e-9, getRange().getLength());
        vertical = widest + 6 > perStrip;
        for (int i = 0; i < labels.size(); i++) {
            double x = i + 0.5;
            if (!getRange().contains(x)) {
                continue;
            }
            if (vertical) {
                ticks.add(new NumberTick(TickType.MAJOR, x, labels.get(i), TextAnchor.CENTER_RIGHT,
                        TextAnchor.CENTER_RIGHT, -Math.PI / 2));
            } else {
                ticks.add(new NumberTick(TickType.MAJOR, x, labels.get(i), TextAnchor.TOP_CENTER,
                        TextAnchor.CENTER, 0.0));
            }
        }
        return ticks;
    }
}
