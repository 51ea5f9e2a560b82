package dev.mitosis.data;

/**
 * A balanced part of a dataset, for quick runs: the first {@code n / classes} images of every class of
 * each split, or all of a split when its count is 0. A run records the subset it used (its actual
 * sizes), so a resumed run trains and evaluates on the same images and the views can say that the
 * accuracy is on a test subset.
 *
 * @param trainImages training images used, 0 for all
 * @param testImages test images used, 0 for all
 */
public record DataSubset(int trainImages, int testImages) {

    public static final DataSubset ALL = new DataSubset(0, 0);

    public DataSubset {
        if (trainImages < 0 || testImages < 0) {
            throw new IllegalArgumentException("image counts must not be negative, found " + trainImages + " and "
                    + testImages);
        }
    }

    public DataSplit apply(DataSplit data) {
        return new DataSplit(limit(data.train(), trainImages), limit(data.test(), testImages));
    }

    /** The subset {@code requested} makes of {@code full}, as actual sizes (0 where nothing was cut). */
    public static DataSubset of(DataSplit full, DataSubset requested) {
        DataSplit cut = requested.apply(full);
        return new DataSubset(cut.train().size() < full.train().size() ? cut.train().size() : 0,
                cut.test().size() < full.test().size() ? cut.test().size() : 0);
    }

    private static Dataset limit(Dataset d, int images) {
        if (images <= 0 || images >= d.size()) {
            return d;
        }
        return d.firstPerClass(Math.max(1, images / d.classes()));
    }
}
