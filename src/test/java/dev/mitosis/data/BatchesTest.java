package dev.mitosis.data;

import static dev.mitosis.data.TestFiles.cyclicLabels;
import static dev.mitosis.data.TestFiles.synthetic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.FeatureShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private static final FeatureShape SHAPE = new FeatureShape(3, 4, 4);
    private static final Dataset DATA = synthetic(KnownDataset.CIFAR10, SHAPE, cyclicLabels(103));
    private static final Normalization NORM = Normalization.of(new double[] {0.5, 0.4, 0.3},
            new double[] {0.25, 0.2, 0.1});

    private static Batches shuffled(long seed, boolean dropLast) {
        return new Batches(DATA, NORM, new Batches.Options(10, true, dropLast, seed, new Augmentation(1, true)));
    }

    private static int[] indices(Iterable<Batch> epoch) {
        List<Integer> all = new ArrayList<>();
        for (Batch batch : epoch) {
            Arrays.stream(batch.indices()).forEach(all::add);
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyEpochVisitsEveryImageExactlyOnce() {
        Batches batches = shuffled(42, false);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Batch> list = new ArrayList<>();
            batches.epoch(epoch).forEach(list::add);

            assertThat(list).hasSize(11);
            assertThat(list.get(10).size()).as("last batch keeps the remainder").isEqualTo(3);
            int[] seen = indices(list);
            assertThat(seen).hasSize(103);
            assertThat(IntStream.of(seen).sorted().toArray()).containsExactly(IntStream.range(0, 103).toArray());
            for (Batch batch : list) {
                for (int j = 0; j < batch.size(); j++) {
                    assertThat(batch.labels()[j]).isEqualTo(DATA.label(batch.indices()[j]));
                }
            }
        }
    }

    @Test
    void dropLastGivesOnlyFullBatchesOfDistinctImages() {
        Batches batches = shuffled(42, true);

        assertThat(batches.batchesPerEpoch()).isEqualTo(10);
        assertThat(batches.imagesPerEpoch()).isEqualTo(100);
        List<Batch> list = new ArrayList<>();
        batches.epoch(5).forEach(list::add);
        assertThat(list).hasSize(10).allSatisfy(b -> assertThat(b.size()).isEqualTo(10));
        assertThat(IntStream.of(indices(list)).distinct().count()).isEqualTo(100);
    }

    @Test
    void sameSeedAndEpochGiveTheSameBatches() {
        Iterator<Batch> a = shuffled(7, true).epoch(3).iterator();
        Iterator<Batch> b = shuffled(7, true).epoch(3).iterator();
        while (a.hasNext()) {
            Batch x = a.next();
            Batch y = b.next();
            assertThat(y.indices()).containsExactly(x.indices());
            assertThat(y.images()).as("augmentation draws repeat too").containsExactly(x.images());
        }
        assertThat(b.hasNext()).isFalse();
    }

    @Test
    void otherEpochsAndSeedsGiveOtherOrders() {
        int[] base = indices(shuffled(7, false).epoch(0));

        assertThat(indices(shuffled(7, false).epoch(1))).isNotEqualTo(base);
        assertThat(indices(shuffled(8, false).epoch(0))).isNotEqualTo(base);
        // Seed s+1 at epoch e must not replay seed s at epoch e+1 (or any nearby pair).
        assertThat(indices(shuffled(8, false).epoch(0))).isNotEqualTo(indices(shuffled(7, false).epoch(1)));
        assertThat(Batches.epochSeed(8, 0)).isNotEqualTo(Batches.epochSeed(7, 1));
    }

    @Test
    void evaluationIsInOrderUnaugmentedAndKeepsTheLastPartialBatch() {
        Batches eval = Batches.evaluation(DATA, NORM, 25);
        List<Batch> list = new ArrayList<>();
        eval.epoch(0).forEach(list::add);

        assertThat(list).extracting(Batch::size).containsExactly(25, 25, 25, 25, 3);
        assertThat(indices(list)).containsExactly(IntStream.range(0, 103).toArray());
        // Image 77 is the 3rd of batch 3; its value at (c=2, y=1, x=3) is (p/255 − 0.3)/0.1.
        Batch batch = list.get(3);
        int offset = 2 * 16 + 1 * 4 + 3;
        int p = DATA.image(77)[offset] & 0xff;
        assertThat(batch.images()[2 * 48 + offset]).isCloseTo((float) ((p / 255.0 - 0.3) / 0.1), within(1e-5f));
        assertThat(batch.tensorShape()).containsExactly(25, 3, 4, 4);
    }

    @Test
    void evaluationEpochsAreIdentical() {
        Batches eval = Batches.evaluation(DATA, NORM, 40);
        Iterator<Batch> a = eval.epoch(0).iterator();
        Iterator<Batch> b = eval.epoch(9).iterator();
        while (a.hasNext()) {
            assertThat(b.next().images()).containsExactly(a.next().images());
        }
    }

    @Test
    void iteratorStopsAtTheEndOfTheEpoch() {
        Iterator<Batch> it = Batches.evaluation(DATA, NORM, 200).epoch(0).iterator();
        assertThat(it.next().size()).isEqualTo(103);
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void rejectsBatchSizesThatCannotTrain() {
        assertThatThrownBy(() -> Batches.training(DATA, NORM, 0, 1, Augmentation.none()))
                .isInstanceOf(BadInputException.class).hasMessage("batch size must be at least 1, found 0");
        assertThatThrownBy(() -> Batches.training(DATA, NORM, 104, 1, Augmentation.none()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("batch size 104 is larger than synthetic (103 images): no full batch to train on");
    }

    @Test
    void rejectsNormalisationForOtherChannels() {
        Normalization gray = Normalization.of(new double[] {0.5}, new double[] {0.5});
        assertThatThrownBy(() -> Batches.evaluation(DATA, gray, 8))
                .hasMessage("normalisation has 1 channels, synthetic has 3");
    }

    @Test
    void keepsUpWithTrainingOnCifarSizedImages() {
        // The trainer needs ~1,000 images/s of 3x32x32; demand 10x that, on a loaded 2-core machine.
        int n = 8_000;
        byte[] pixels = new byte[n * 3072];
        new SplittableRandom(1).nextBytes(pixels);
        Dataset cifar = Dataset.of("random", KnownDataset.CIFAR10, CifarFormat.SHAPE, pixels, new int[n]);
        Batches batches = Batches.training(cifar, Normalization.of(cifar), 128, 1, Augmentation.defaultFor(cifar));
        batches.epoch(0).forEach(b -> { }); // warm-up

        long start = System.nanoTime();
        long images = 0;
        for (Batch batch : batches.epoch(1)) {
            images += batch.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(images).isEqualTo(7_936);
        assertThat(images / seconds).as("images per second").isGreaterThan(10_000);
    }
}
