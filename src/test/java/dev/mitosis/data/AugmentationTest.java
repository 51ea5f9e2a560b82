package dev.mitosis.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.net.FeatureShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    /** table[p] = p, so rendered values are the raw bytes. */
    private static float[] identityTable() {
        float[] table = new float[256];
        for (int p = 0; p < 256; p++) {
            table[p] = p;
        }
        return table;
    }

    private static float[] render(byte[] image, FeatureShape shape, int dy, int dx, boolean flip, float[]... tables) {
        float[] out = new float[(int) shape.size()];
        Augmentation.render(image, 0, shape, dy, dx, flip, tables, out, 0);
        return out;
    }

    private static final FeatureShape THREE_BY_THREE = new FeatureShape(1, 3, 3);
    private static final byte[] DIGITS = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void flipMirrorsEachRow() {
        FeatureShape shape = new FeatureShape(1, 2, 3);
        assertThat(render(new byte[] {1, 2, 3, 4, 5, 6}, shape, 0, 0, true, identityTable()))
                .containsExactly(3, 2, 1, 6, 5, 4);
    }

    @Test
    void cropShiftsContentAndFillsWithZero() {
        // out[y][x] = in[y+1][x-1]: the picture moves up one row and right one column.
        assertThat(render(DIGITS, THREE_BY_THREE, 1, -1, false, identityTable()))
                .containsExactly(0, 4, 5, 0, 7, 8, 0, 0, 0);
        assertThat(render(DIGITS, THREE_BY_THREE, -2, 2, false, identityTable()))
                .containsExactly(0, 0, 0, 0, 0, 0, 3, 0, 0);
    }

    @Test
    void flipAppliesAfterTheCrop() {
        // crop dx=1: rows become [2,3,0]; flipped: [0,3,2].
        assertThat(render(DIGITS, THREE_BY_THREE, 0, 1, true, identityTable()))
                .containsExactly(0, 3, 2, 0, 6, 5, 0, 9, 8);
    }

    @Test
    void paddingIsBlackBeforeNormalisationInEveryChannel() {
        float[] red = new float[256];
        float[] green = new float[256];
        for (int p = 0; p < 256; p++) {
            red[p] = 100 + p;
            green[p] = -50 + p;
        }
        byte[] image = {1, 2, 3, 4, 10, 20, 30, 40}; // 2 channels of 2x2
        assertThat(render(image, new FeatureShape(2, 2, 2), 0, 1, false, red, green))
                .containsExactly(102, 100, 104, 100, -30, -50, -10, -50);
    }

    @Test
    void randomDrawsCoverEveryShiftAndFlipEvenly() {
        FeatureShape shape = new FeatureShape(1, 5, 5);
        byte[] image = new byte[25];
        for (int p = 0; p < 25; p++) {
            image[p] = (byte) (p + 1);
        }
        // All 5 x 5 x 2 outcomes of pad 2 with flips; with distinct non-zero pixels they all differ.
        Map<String, String> outcomeOf = new HashMap<>();
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                for (boolean flip : new boolean[] {false, true}) {
                    outcomeOf.put(Arrays.toString(render(image, shape, dy, dx, flip, identityTable())),
                            dy + "," + dx + "," + flip);
                }
            }
        }
        assertThat(outcomeOf).hasSize(50);

        Augmentation augmentation = new Augmentation(2, true);
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Integer> counts = new HashMap<>();
        float[] out = new float[25];
        int draws = 5_000;
        for (int i = 0; i < draws; i++) {
            augmentation.apply(image, 0, shape, new float[][] {identityTable()}, random, out, 0);
            String outcome = outcomeOf.get(Arrays.toString(out));
            assertThat(outcome).as("draw %d is one of the 50 crops and flips", i).isNotNull();
            counts.merge(outcome, 1, Integer::sum);
        }
        // Uniform: 100 each on average, binomial sd ~10.
        assertThat(counts).hasSize(50);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(55, 145));
    }

    @Test
    void noneLeavesImagesAndTheRandomStreamAlone() {
        SplittableRandom random = new SplittableRandom(3);
        float[] out = new float[9];
        Augmentation.none().apply(DIGITS, 0, THREE_BY_THREE, new float[][] {identityTable()}, random, out, 0);

        assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(random.nextLong()).isEqualTo(new SplittableRandom(3).nextLong());
    }

    @Test
    void defaultsFollowTheDataset() {
        List<Augmentation> defaults = new ArrayList<>();
        for (KnownDataset kind : KnownDataset.values()) {
            defaults.add(Augmentation.defaultFor(TestFiles.synthetic(kind, THREE_BY_THREE, new int[] {0})));
        }
        assertThat(defaults).containsExactly(new Augmentation(2, true), new Augmentation(2, false),
                new Augmentation(4, true), new Augmentation(4, true));
    }

    @Test
    void rejectsNegativePadding() {
        assertThatThrownBy(() -> new Augmentation(-1, false)).hasMessage("crop padding must be >= 0, found -1");
    }
}
