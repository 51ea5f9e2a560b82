package dev.mitosis.data;

import static dev.mitosis.data.TestFiles.cyclicLabels;
import static dev.mitosis.data.TestFiles.gzip;
import static dev.mitosis.data.TestFiles.idxDirectory;
import static dev.mitosis.data.TestFiles.idxImages;
import static dev.mitosis.data.TestFiles.idxLabels;
import static dev.mitosis.data.TestFiles.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.FeatureShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxFormatTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzipped: {0}")
    @ValueSource(booleans = {false, true})
    void readsBackWhatWasWritten(boolean gzipped) {
        DataSplit split = IdxFormat.read(idxDirectory(dir, 23, 7, gzipped), KnownDataset.FASHION_MNIST);

        Dataset train = split.train();
        assertThat(train.size()).isEqualTo(23);
        assertThat(split.test().size()).isEqualTo(7);
        assertThat(train.shape()).isEqualTo(new FeatureShape(1, 4, 5));
        assertThat(train.labels()).containsExactly(cyclicLabels(23));
        assertThat(train.name()).isEqualTo(dir + " (train)");
        for (int i : new int[] {0, 13, 22}) {
            byte[] expected = new byte[20];
            for (int p = 0; p < 20; p++) {
                expected[p] = pixel(i, p);
            }
            assertThat(train.image(i)).as("image %d", i).containsExactly(expected);
        }
    }

    @Test
    void detectsGzipByContentNotByName() throws Exception {
        idxDirectory(dir, 5, 3, false);
        // gzip data under the raw name, and raw data under a .gz name: both must load.
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, gzip(Files.readAllBytes(images)));
        Path labels = dir.resolve("t10k-labels-idx1-ubyte");
        Files.move(labels, dir.resolve("t10k-labels-idx1-ubyte.gz"));

        DataSplit split = IdxFormat.read(dir, KnownDataset.MNIST);

        assertThat(split.train().image(4)[0]).isEqualTo(pixel(4, 0));
        assertThat(split.test().labels()).containsExactly(0, 1, 2);
    }

    @Test
    void rejectsWrongMagicNumber() {
        idxDirectory(dir, 5, 3, true);
        Path labels = TestFiles.write(dir, "train-labels-idx1-ubyte", idxImages(5, 4, 5), true);

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(labels + ": wrong magic number 2051, expected 2049 (IDX labels)");
    }

    @Test
    void rejectsTruncatedImages() {
        idxDirectory(dir, 30, 3, false);
        byte[] images = idxImages(30, 4, 5);
        Path file = TestFiles.write(dir, "train-images-idx3-ubyte", Arrays.copyOf(images, images.length - 10), false);

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": truncated: the header promises 30 images of 4x5 (600 bytes) but only 590 bytes"
                        + " follow");
    }

    @Test
    void rejectsTruncatedHeader() {
        idxDirectory(dir, 3, 3, false);
        Path file = TestFiles.write(dir, "t10k-labels-idx1-ubyte", new byte[] {0, 0, 8, 1, 0}, false);

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": truncated: 5 bytes, shorter than the 8-byte IDX labels header");
    }

    @Test
    void rejectsTruncatedGzipStream() {
        idxDirectory(dir, 40, 3, true);
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] gz = gzip(idxImages(40, 4, 5));
        TestFiles.writeFile(file, Arrays.copyOf(gz, gz.length / 2));

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": truncated gzip data (the download or copy was cut short)");
    }

    @Test
    void rejectsBytesBeyondWhatTheHeaderSays() {
        idxDirectory(dir, 3, 3, false);
        byte[] labels = idxLabels(new int[] {1, 2, 3});
        Path file = TestFiles.write(dir, "train-labels-idx1-ubyte", Arrays.copyOf(labels, labels.length + 4), false);

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": 4 bytes after the 3 labels the header promises");
    }

    @Test
    void rejectsLabelOutOfRange() {
        idxDirectory(dir, 400, 3, true);
        int[] labels = cyclicLabels(400);
        labels[345] = 12;
        Path file = TestFiles.write(dir, "train-labels-idx1-ubyte", idxLabels(labels), true);

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.FASHION_MNIST))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": label 12 at index 345 is outside 0..9");
    }

    @Test
    void readsLabelBytesAsUnsigned() {
        idxDirectory(dir, 3, 3, false);
        Path file = TestFiles.write(dir, "t10k-labels-idx1-ubyte", idxLabels(new int[] {0, 200, 1}), false);

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": label 200 at index 1 is outside 0..9");
    }

    @Test
    void rejectsLabelCountThatDiffersFromImageCount() {
        idxDirectory(dir, 30, 3, false);
        Path labels = TestFiles.write(dir, "train-labels-idx1-ubyte", idxLabels(cyclicLabels(29)), false);

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(labels + ": 29 labels, but " + dir.resolve("train-images-idx3-ubyte") + " has 30 images");
    }

    @Test
    void namesTheMissingFile() throws Exception {
        idxDirectory(dir, 3, 3, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(dir + ": no t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void rejectsTestImagesOfAnotherSize() {
        idxDirectory(dir, 3, 3, false);
        TestFiles.write(dir, "t10k-images-idx3-ubyte", idxImages(3, 5, 5), false);

        assertThatThrownBy(() -> IdxFormat.read(dir, KnownDataset.MNIST)).isInstanceOf(BadInputException.class)
                .hasMessage(dir + " (test): images are 1x5x5 (CxHxW), but the training images are 1x4x5");
    }
}
