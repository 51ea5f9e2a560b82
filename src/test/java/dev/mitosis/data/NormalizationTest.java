package dev.mitosis.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mitosis.net.FeatureShape;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void computesPerChannelMeanAndPopulationStd() {
        // Two images of 2 channels x 1x2 pixels. Channel 0: 0, 255, 51, 204; channel 1: 102 everywhere.
        byte[] pixels = {0, (byte) 255, 102, 102, 51, (byte) 204, 102, 102};
        Dataset data = Dataset.of("hand-made", KnownDataset.CIFAR10, new FeatureShape(2, 1, 2), pixels,
                new int[] {0, 1});

        Normalization norm = Normalization.of(data);

        assertThat(norm.channels()).isEqualTo(2);
        // channel 0: mean 127.5, deviations ±127.5 and ±76.5: variance (127.5² + 76.5²)/2.
        assertThat(norm.mean()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(norm.std()[0]).isCloseTo(Math.sqrt((127.5 * 127.5 + 76.5 * 76.5) / 2) / 255, within(1e-12));
        assertThat(norm.mean()[1]).isCloseTo(0.4, within(1e-12));
        assertThat(norm.std()[1]).as("constant channel gets std 1, not 0").isEqualTo(1.0);
    }

    @Test
    void tablesGiveStandardScores() {
        Normalization norm = Normalization.of(new double[] {0.5, 0.2}, new double[] {0.25, 0.1});

        float[][] tables = norm.tables();
        assertThat(tables[0][255]).isCloseTo(2.0f, within(1e-6f));
        assertThat(tables[0][0]).isCloseTo(-2.0f, within(1e-6f));
        assertThat(tables[1][51]).isCloseTo(0.0f, within(1e-6f));
        assertThat(tables[1][102]).isCloseTo(2.0f, within(1e-5f));
    }

    @Test
    void savedValuesRebuildAnEqualNormalisation() {
        Normalization norm = Normalization.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.4, 0.5, 0.6});
        double[] mean = norm.mean();
        mean[0] = 99;

        assertThat(Normalization.of(norm.mean(), norm.std())).isEqualTo(norm);
        assertThat(norm.mean()[0]).as("accessors return copies").isEqualTo(0.1);
    }

    @Test
    void rejectsMismatchedOrNonPositiveStatistics() {
        assertThatThrownBy(() -> Normalization.of(new double[] {0.1, 0.2}, new double[] {0.3}))
                .hasMessage("normalisation needs one mean and one std per channel, found 2 means and 1 stds");
        assertThatThrownBy(() -> Normalization.of(new double[] {0.1}, new double[] {0}))
                .hasMessage("channel 0: mean 0.1 and std 0.0 must be finite with std > 0");
    }
}
