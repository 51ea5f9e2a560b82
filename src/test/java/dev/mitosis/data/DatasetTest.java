package dev.mitosis.data;

import static dev.mitosis.data.TestFiles.synthetic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.FeatureShape;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final FeatureShape SHAPE = new FeatureShape(1, 2, 2);
    // Classes 0, 1 and 2 only.
    private static final int[] LABELS = {1, 0, 0, 1, 0, 2, 1, 0, 2, 2};

    @Test
    void firstPerClassTakesTheEarliestImagesOfEachClassInOrder() {
        int[] labels = {5, 5, 5, 0, 1, 2, 3, 4, 6, 7, 8, 9, 0, 1, 2, 3, 4, 6, 7, 8, 9, 0};
        Dataset data = synthetic(KnownDataset.MNIST, SHAPE, labels);

        Dataset subset = data.firstPerClass(2);

        // The third 5 (index 2) and the third 0 (index 21) are left out; the order is kept.
        assertThat(subset.labels()).containsExactly(5, 5, 0, 1, 2, 3, 4, 6, 7, 8, 9, 0, 1, 2, 3, 4, 6, 7, 8, 9);
        assertThat(subset.classCounts()).containsOnly(2);
        assertThat(subset.image(2)).containsExactly(data.image(3));
        assertThat(subset.image(19)).containsExactly(data.image(20));
        assertThat(subset.name()).isEqualTo("synthetic first 2 per class");
    }

    @Test
    void firstPerClassFailsWhenAClassIsShort() {
        Dataset data = synthetic(KnownDataset.MNIST, SHAPE, LABELS);
        assertThatThrownBy(() -> data.firstPerClass(2))
                .hasMessage("synthetic: some class has only 0 images, 2 per class were asked for");
    }

    @Test
    void firstAndSelectCopyTheRightImages() {
        Dataset data = synthetic(KnownDataset.MNIST, SHAPE, LABELS);

        assertThat(data.first(3).labels()).containsExactly(1, 0, 0);
        Dataset picked = data.select(new int[] {9, 5, 5}, "picked");
        assertThat(picked.labels()).containsExactly(2, 2, 2);
        assertThat(picked.image(0)).containsExactly(TestFiles.pixel(9, 0), TestFiles.pixel(9, 1),
                TestFiles.pixel(9, 2), TestFiles.pixel(9, 3));
        assertThat(picked.image(2)).containsExactly(data.image(5));
    }

    @Test
    void countsImagesPerClass() {
        assertThat(synthetic(KnownDataset.MNIST, SHAPE, LABELS).classCounts())
                .containsExactly(4, 3, 3, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void accessorsDoNotExposeTheArrays() {
        byte[] pixels = new byte[8];
        int[] labels = {3, 4};
        Dataset data = Dataset.of("copy", KnownDataset.MNIST, SHAPE, pixels, labels);
        pixels[0] = 9;
        labels[0] = 5;
        data.labels()[1] = 7;
        data.image(1)[0] = 9;

        assertThat(data.labels()).containsExactly(3, 4);
        assertThat(data.image(0)[0]).isZero();
        assertThat(data.image(1)[0]).isZero();
    }

    @Test
    void rejectsInconsistentArrays() {
        assertThatThrownBy(() -> Dataset.of("bad", KnownDataset.MNIST, SHAPE, new byte[7], new int[2]))
                .hasMessage("bad: 7 pixel bytes, expected 8 for 2 images of 1x2x2");
        assertThatThrownBy(() -> Dataset.of("bad", KnownDataset.MNIST, SHAPE, new byte[8], new int[] {0, 10}))
                .isInstanceOf(BadInputException.class).hasMessage("bad: label 10 at index 1 is outside 0..9");
    }

    @Test
    void splitPartsMustShowTheSameKindOfImages() {
        Dataset train = synthetic(KnownDataset.MNIST, SHAPE, LABELS);
        Dataset otherShape = synthetic(KnownDataset.MNIST, new FeatureShape(1, 3, 3), LABELS);
        Dataset otherKind = synthetic(KnownDataset.FASHION_MNIST, SHAPE, LABELS);

        assertThatThrownBy(() -> new DataSplit(train, otherShape)).isInstanceOf(BadInputException.class)
                .hasMessage("synthetic: images are 1x3x3 (CxHxW), but the training images are 1x2x2");
        assertThatThrownBy(() -> new DataSplit(train, otherKind)).isInstanceOf(BadInputException.class)
                .hasMessage("synthetic: fashion-mnist images, but the training set synthetic is mnist");
    }

    @Test
    void everyKnownSetHasDistinctClassNames() {
        assertThat(KnownDataset.CIFAR100.classes()).isEqualTo(100);
        assertThat(KnownDataset.CIFAR100.classNames().get(99)).isEqualTo("worm");
        for (KnownDataset kind : KnownDataset.values()) {
            assertThat(new HashSet<>(kind.classNames())).as(kind.id()).hasSize(kind.classes());
            assertThat(KnownDataset.byId(kind.id())).contains(kind);
        }
        assertThat(KnownDataset.byId("imagenet")).isEmpty();
    }
}
