package dev.mitosis.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mitosis.net.FeatureShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** The Fashion-MNIST subset shipped in samples/, and (where installed) the full set it was cut from. */
class BundledSampleTest {

    private static final Path DEBIAN = Path.of("/usr/share/datasets");

    private static DataSplit sample;

    @BeforeAll
    static void loadSample() {
        sample = DataSources.sample();
    }

    @Test
    void sampleHasTenThousandTrainingAndTwoThousandTestImagesInBalancedClasses() {
        assertThat(sample.kind()).isEqualTo(KnownDataset.FASHION_MNIST);
        assertThat(sample.train().size()).isEqualTo(10_000);
        assertThat(sample.test().size()).isEqualTo(2_000);
        assertThat(sample.train().shape()).isEqualTo(new FeatureShape(1, 28, 28));
        assertThat(sample.train().classCounts()).containsOnly(1_000);
        assertThat(sample.test().classCounts()).containsOnly(200);
        assertThat(sample.train().classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress",
                "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    }

    @Test
    void sampleImagesAreRealPicturesNotPadding() {
        // Fashion-MNIST images have a black background and a bright garment: per image, mostly 0 with
        // a few hundred non-zero pixels. A blank or garbled file would not look like that.
        byte[] image = sample.train().image(0);
        long nonZero = 0;
        for (byte b : image) {
            nonZero += b != 0 ? 1 : 0;
        }
        assertThat(nonZero).isBetween(100L, 700L);
        assertThat(image[0]).as("top-left corner is background").isZero();
    }

    @Test
    void normalisedSampleHasZeroMeanAndUnitStd() {
        Normalization norm = Normalization.of(sample.train());
        // Close to the full training set's published statistics.
        assertThat(norm.mean()[0]).isCloseTo(0.286, within(0.01));
        assertThat(norm.std()[0]).isCloseTo(0.353, within(0.01));

        double sum = 0;
        double sumOfSquares = 0;
        long count = 0;
        for (Batch batch : Batches.evaluation(sample.train(), norm, 1000).epoch(0)) {
            for (float v : batch.images()) {
                sum += v;
                sumOfSquares += (double) v * v;
            }
            count += batch.images().length;
        }
        double mean = sum / count;
        assertThat(mean).isCloseTo(0, within(1e-4));
        assertThat(Math.sqrt(sumOfSquares / count - mean * mean)).isCloseTo(1, within(1e-4));
    }

    static boolean fullSetInstalled() {
        return Files.isDirectory(DEBIAN.resolve("fashion-mnist"));
    }

    /** Needs the Debian package dataset-fashion-mnist; the only test that may be skipped. */
    @Test
    @EnabledIf("fullSetInstalled")
    void fullSetLoadsMatchesPublishedStatisticsAndContainsTheSample(@TempDir Path emptyHome) {
        DataSplit full = new DataSources(Map.of(), emptyHome, DEBIAN).load("fashion-mnist", Optional.empty());

        assertThat(full.train().size()).isEqualTo(60_000);
        assertThat(full.test().size()).isEqualTo(10_000);
        assertThat(full.train().classCounts()).containsOnly(6_000);
        assertThat(full.test().classCounts()).containsOnly(1_000);
        Normalization norm = Normalization.of(full.train());
        assertThat(norm.mean()[0]).isCloseTo(0.2860, within(5e-4));
        assertThat(norm.std()[0]).isCloseTo(0.3530, within(5e-4));
        // The committed script and Dataset.firstPerClass pick the same images.
        assertSameImages(full.train().firstPerClass(1_000), sample.train());
        assertSameImages(full.test().firstPerClass(200), sample.test());
    }

    private static void assertSameImages(Dataset expected, Dataset actual) {
        assertThat(actual.labels()).containsExactly(expected.labels());
        assertThat(Arrays.equals(actual.pixelArray(), expected.pixelArray())).as("pixels of " + actual.name()).isTrue();
    }
}
