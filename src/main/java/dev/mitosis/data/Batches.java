package dev.mitosis.data;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.FeatureShape;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Cuts a {@link Dataset} into {@link Batch}es, epoch by epoch: optionally shuffled, augmented and always
 * normalised. Everything random in epoch {@code e} comes from one generator seeded by {@code (seed, e)},
 * drawn in a fixed order (the permutation first, then per image its crop and flip), so the same seed
 * and epoch give the same batches on any machine, and every epoch differs.
 *
 * <p>Cost: one pass over each image's bytes through a 256-entry lookup table per channel; no per-image
 * allocation, one {@code float[]} per batch. That is well over 10⁵ images of 3×32×32 per second on one
 * core, far above what training consumes. The {@code Batches} object is immutable; each iterator of
 * {@link #epoch} is single-threaded.
 */
public final class Batches {

    /**
     * @param batchSize    images per batch, at least 1
     * @param shuffle      a fresh random order every epoch, else dataset order
     * @param dropLast     leave out the last, partial batch (training: equal-sized steps for batch norm)
     * @param seed         base seed; epoch {@code e} uses a generator derived from {@code (seed, e)}
     * @param augmentation applied to every image; {@link Augmentation#none()} for evaluation
     */
    public record Options(int batchSize, boolean shuffle, boolean dropLast, long seed, Augmentation augmentation) {
        public Options {
            if (batchSize < 1) {
                throw new BadInputException("batch size must be at least 1, found " + batchSize);
            }
        }
    }

    private final Dataset data;
    private final Normalization normalization;
    private final Options options;

    public Batches(Dataset data, Normalization normalization, Options options) {
        if (normalization.channels() != data.shape().channels()) {
            throw new IllegalArgumentException("normalisation has " + normalization.channels() + " channels, "
                    + data.name() + " has " + data.shape().channels());
        }
        if (options.dropLast() && data.size() < options.batchSize()) {
            throw new BadInputException("batch size " + options.batchSize() + " is larger than " + data.name()
                    + " (" + data.size() + " images): no full batch to train on");
        }
        this.data = data;
        this.normalization = normalization;
        this.options = options;
    }

    /** Shuffled, augmented, full batches only. */
    public static Batches training(Dataset data, Normalization normalization, int batchSize, long seed,
            Augmentation augmentation) {
        return new Batches(data, normalization, new Options(batchSize, true, true, seed, augmentation));
    }

    /** Dataset order, no augmentation, the last batch kept even if partial: every image exactly once. */
    public static Batches evaluation(Dataset data, Normalization normalization, int batchSize) {
        return new Batches(data, normalization, new Options(batchSize, false, false, 0, Augmentation.none()));
    }

    /** Images one epoch visits: all of them, or a whole number of batches with {@code dropLast}. */
    public int imagesPerEpoch() {
        int size = data.size();
        return options.dropLast() ? size - size % options.batchSize() : size;
    }

    public int batchesPerEpoch() {
        return (imagesPerEpoch() + options.batchSize() - 1) / options.batchSize();
    }

    /** The batches of epoch {@code epoch}; iterating the result twice gives the same batches twice. */
    public Iterable<Batch> epoch(int epoch) {
        return () -> new EpochIterator(epoch);
    }

    /**
     * The generator seed of {@code (seed, epoch)}: two rounds of the SplitMix64 finaliser (Steele et al.
     * 2014), so nearby seeds and epochs give unrelated streams. A plain {@code seed + epoch} would not do:
     * SplittableRandom streams whose seeds differ by its increment are the same stream shifted by one.
     */
    static long epochSeed(long seed, int epoch) {
        return mix64(mix64(seed) + epoch);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private final class EpochIterator implements Iterator<Batch> {
        private final SplittableRandom random;
        private final int[] order;
        private final int end = imagesPerEpoch();
        private int next;

        EpochIterator(int epoch) {
            random = new SplittableRandom(epochSeed(options.seed(), epoch));
            order = new int[data.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            if (options.shuffle()) {
                shuffle(order, random);
            }
        }

        @Override
        public boolean hasNext() {
            return next < end;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("epoch has " + batchesPerEpoch() + " batches");
            }
            int n = Math.min(options.batchSize(), end - next);
            FeatureShape shape = data.shape();
            int length = data.imageLength();
            float[] images = new float[n * length];
            int[] labels = new int[n];
            int[] indices = new int[n];
            for (int j = 0; j < n; j++) {
                int index = order[next + j];
                indices[j] = index;
                labels[j] = data.labelArray()[index];
                options.augmentation().apply(data.pixelArray(), index * length, shape, normalization.tables(), random,
                        images, j * length);
            }
            next += n;
            return new Batch(images, labels, indices, shape);
        }
    }

    /** Fisher–Yates: every permutation equally likely. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
