package dev.mitosis.data;

import static dev.mitosis.data.TestFiles.cifarRecords;
import static dev.mitosis.data.TestFiles.pixel;
import static dev.mitosis.data.TestFiles.writeFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.FeatureShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarFormatTest {

    @TempDir
    Path root;

    /** cifar-10-batches-bin with two records per training batch (images 0..9) and three test records. */
    private Path cifar10() {
        Path bin = root.resolve("cifar-10-batches-bin");
        for (int b = 1; b <= 5; b++) {
            int first = 2 * (b - 1);
            writeFile(bin.resolve("data_batch_" + b + ".bin"), cifarRecords(first, new int[][] {{first}, {first + 1}}));
        }
        writeFile(bin.resolve("test_batch.bin"), cifarRecords(100, new int[][] {{9}, {0}, {4}}));
        return bin;
    }

    @Test
    void readsCifar10BatchesInOrderFromTheFolderOrItsParent() {
        Path bin = cifar10();
        for (Path dir : new Path[] {bin, root}) {
            DataSplit split = CifarFormat.read(dir, KnownDataset.CIFAR10);

            Dataset train = split.train();
            assertThat(train.shape()).isEqualTo(new FeatureShape(3, 32, 32));
            assertThat(train.labels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(split.test().labels()).containsExactly(9, 0, 4);
            assertThat(train.name()).isEqualTo(bin + " (train)");
            // image 7 is the second record of data_batch_4; its bytes stay in file (C×H×W) order.
            byte[] image = train.image(7);
            assertThat(image[0]).isEqualTo(pixel(7, 0));
            assertThat(image[1024]).as("first green pixel").isEqualTo(pixel(7, 1024));
            assertThat(image[3071]).isEqualTo(pixel(7, 3071));
            assertThat(split.test().image(2)[5]).isEqualTo(pixel(102, 5));
        }
    }

    @Test
    void cifar100UsesTheFineLabel() {
        Path bin = root.resolve("cifar-100-binary");
        writeFile(bin.resolve("train.bin"), cifarRecords(0, new int[][] {{19, 57}, {0, 99}, {3, 0}}));
        writeFile(bin.resolve("test.bin"), cifarRecords(3, new int[][] {{7, 42}}));

        DataSplit split = CifarFormat.read(root, KnownDataset.CIFAR100);

        assertThat(split.train().labels()).containsExactly(57, 99, 0);
        assertThat(split.train().classes()).isEqualTo(100);
        assertThat(split.test().labels()).containsExactly(42);
        assertThat(split.train().image(1)[0]).as("pixels start after both label bytes").isEqualTo(pixel(1, 0));
    }

    @Test
    void rejectsFileThatIsNotWholeRecords() {
        Path bin = cifar10();
        Path bad = bin.resolve("data_batch_3.bin");
        byte[] records = cifarRecords(4, new int[][] {{4}, {5}});
        writeFile(bad, Arrays.copyOf(records, records.length + 5));

        assertThatThrownBy(() -> CifarFormat.read(bin, KnownDataset.CIFAR10)).isInstanceOf(BadInputException.class)
                .hasMessage(bad + ": 6151 bytes is not a whole number of 3073-byte CIFAR-10 records");
    }

    @Test
    void rejectsCifar100FileReadAsCifar10SizedRecords() {
        Path bin = root.resolve("cifar-100-binary");
        Path train = writeFile(bin.resolve("train.bin"), cifarRecords(0, new int[][] {{1}, {2}, {3}}));
        writeFile(bin.resolve("test.bin"), cifarRecords(0, new int[][] {{1, 2}}));

        assertThatThrownBy(() -> CifarFormat.read(bin, KnownDataset.CIFAR100)).isInstanceOf(BadInputException.class)
                .hasMessage(train + ": 9219 bytes is not a whole number of 3074-byte CIFAR-100 records");
    }

    @Test
    void rejectsLabelOutOfRange() {
        Path bin = cifar10();
        Path test = writeFile(bin.resolve("test_batch.bin"), cifarRecords(0, new int[][] {{3}, {10}}));

        assertThatThrownBy(() -> CifarFormat.read(root, KnownDataset.CIFAR10)).isInstanceOf(BadInputException.class)
                .hasMessage(test + ": label 10 at index 1 is outside 0..9");
    }

    @Test
    void namesAMissingBatch() throws Exception {
        Path bin = cifar10();
        Files.delete(bin.resolve("data_batch_4.bin"));

        assertThatThrownBy(() -> CifarFormat.read(bin, KnownDataset.CIFAR10)).isInstanceOf(BadInputException.class)
                .hasMessage(bin.resolve("data_batch_4.bin") + ": no such file");
    }

    @Test
    void saysWhatItExpectedInAnUnrelatedDirectory() {
        assertThatThrownBy(() -> CifarFormat.read(root, KnownDataset.CIFAR100)).isInstanceOf(BadInputException.class)
                .hasMessage(root + ": no test.bin here or in " + root.resolve("cifar-100-binary")
                        + " (expected the CIFAR-100 binary version)");
    }
}
