package dev.mitosis.app.charts;

import org.jfree.data.xy.AbstractXYDataset;

/**
 * An XY dataset over plain arrays, replaced wholesale and announced with one change event: live
 * charts with thousands of points update in place this way instead of firing an event per point (as
 * {@code XYSeries.add} would). FX thread.
 */
final class PointsDataset extends AbstractXYDataset {

    private static final long serialVersionUID = 1L;
    private final String[] names;
    private final double[][] xs;
    private final double[][] ys;
    private final int[] counts;

    PointsDataset(String... names) {
        this.names = names.clone();
        this.xs = new double[names.length][];
        this.ys = new double[names.length][];
        this.counts = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            xs[i] = new double[0];
            ys[i] = new double[0];
        }
    }

    /** Replaces a series' points without notifying; call {@link #changed} once after all series. */
    void set(int series, double[] x, double[] y, int count) {
        xs[series] = x;
        ys[series] = y;
        counts[series] = count;
    }

    void changed() {
        fireDatasetChanged();
    }

    double x(int series, int item) {
        return xs[series][item];
    }

    double y(int series, int item) {
        return ys[series][item];
    }

    @Override
    public int getSeriesCount() {
        return names.length;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return names[series];
    }

    @Override
    public int getItemCount(int series) {
        return counts[series];
    }

    @Override
    public Number getX(int series, int item) {
        return xs[series][item];
    }

    @Override
    public double getXValue(int series, int item) {
        return xs[series][item];
    }

    @Override
    public Number getY(int series, int item) {
        return ys[series][item];
    }

    @Override
    public double getYValue(int series, int item) {
        return ys[series][item];
    }
}
