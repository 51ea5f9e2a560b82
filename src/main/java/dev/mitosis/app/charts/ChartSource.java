package dev.mitosis.app.charts;

import dev.mitosis.text.CsvTable;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** A chart as the {@link ChartView} needs it: the JFreeChart model, its data as CSV, and hover texts. */
interface ChartSource {

    JFreeChart chart();

    /** Base name of exported files, e.g. "eigenvalues". */
    String fileName();

    /** The numbers behind the chart. */
    CsvTable csv();

    /**
     * Text for the point nearest to the mouse at ({@code px}, {@code py}) in the chart's coordinates,
     * for charts too dense for JFreeChart's per-item tooltip entities. Empty when nothing is near.
     */
    default Optional<String> tooltipAt(double px, double py, Rectangle2D dataArea) {
        return Optional.empty();
    }

    /** What to say over the chart while it has no data; empty when it has some. */
    default Optional<String> emptyMessage() {
        return Optional.empty();
    }

    /**
     * Registers who repaints the chart's dense points when only they changed (no chart redraw); charts
     * without such points ignore it.
     */
    default void onPointsChanged(Runnable repaint) {
    }

    /** True when the chart uses JFreeChart's own item tooltips. */
    default boolean itemTooltips() {
        return true;
    }

    /**
     * Renders the chart as a figure for a paper: without what only makes sense in the window (how to
     * interact with it, marks of the current selection). The chart is as before once it returns. FX thread.
     */
    default <T> T asFigure(Supplier<T> render) {
        return render.get();
    }

    /** Undoes mouse zooming. */
    default void resetZoom() {
        if (chart().getPlot() instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                xy.getDomainAxis(i).setAutoRange(true);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                xy.getRangeAxis(i).setAutoRange(true);
            }
        }
    }
}
