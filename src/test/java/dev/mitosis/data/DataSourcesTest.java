package dev.mitosis.data;

import static dev.mitosis.data.TestFiles.cifarRecords;
import static dev.mitosis.data.TestFiles.idxDirectory;
import static dev.mitosis.data.TestFiles.writeFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.io.BadInputException;
import dev.mitosis.io.AtomicFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {

    @TempDir
    Path tmp;

    private Path explicitRoot() {
        return tmp.resolve("explicit");
    }

    private Path envRoot() {
        return tmp.resolve("env");
    }

    private Path home() {
        return tmp.resolve("home/.mitosis");
    }

    private Path system() {
        return tmp.resolve("usr/share/datasets");
    }

    private DataSources sources() {
        return new DataSources(Map.of(DataSources.ENV_VAR, envRoot().toString()), home(), system());
    }

    @Test
    void searchPathIsDataDirThenEnvironmentThenHomeThenSystem() {
        assertThat(sources().searchPath(KnownDataset.CIFAR10, Optional.of(explicitRoot()))).containsExactly(
                explicitRoot().resolve("cifar10"), envRoot().resolve("cifar10"), home().resolve("datasets/cifar10"),
                system().resolve("cifar10"));
        assertThat(new DataSources(Map.of(), home(), system()).searchPath(KnownDataset.MNIST, Optional.empty()))
                .containsExactly(home().resolve("datasets/mnist"), system().resolve("mnist"));
    }

    @Test
    void loadsFromTheFirstPlaceThatHasTheSet() throws Exception {
        // A different training-set size in each place tells which one was read.
        idxDirectory(explicitRoot().resolve("fashion-mnist"), 11, 1, true);
        idxDirectory(envRoot().resolve("fashion-mnist"), 12, 1, true);
        idxDirectory(home().resolve("datasets/fashion-mnist"), 13, 1, false);
        idxDirectory(system().resolve("fashion-mnist"), 14, 1, true);
        Optional<Path> dataDir = Optional.of(explicitRoot());

        assertThat(sources().load("fashion-mnist", dataDir).train().size()).isEqualTo(11);
        assertThat(sources().load("fashion-mnist", Optional.empty()).train().size()).isEqualTo(12);
        AtomicFiles.deleteRecursively(envRoot());
        assertThat(sources().load("fashion-mnist", dataDir).train().size()).isEqualTo(11);
        AtomicFiles.deleteRecursively(explicitRoot());
        assertThat(sources().load("fashion-mnist", dataDir).train().size()).isEqualTo(13);
        AtomicFiles.deleteRecursively(home());
        DataSplit split = sources().load("fashion-mnist", dataDir);
        assertThat(split.train().size()).isEqualTo(14);
        assertThat(split.kind()).isEqualTo(KnownDataset.FASHION_MNIST);
    }

    @Test
    void missingSetListsEveryPlaceSearchedAndHowToGetIt() {
        assertThatThrownBy(() -> sources().load("fashion-mnist", Optional.of(explicitRoot())))
                .isInstanceOf(BadInputException.class)
                .hasMessage("fashion-mnist: not found in " + explicitRoot().resolve("fashion-mnist") + ", "
                        + envRoot().resolve("fashion-mnist") + ", " + home().resolve("datasets/fashion-mnist") + ", "
                        + system().resolve("fashion-mnist") + "; " + KnownDataset.FASHION_MNIST.howToGet())
                .hasMessageContaining("apt-get install dataset-fashion-mnist");
    }

    @Test
    void findsCifarUnpackedInsideItsNamedDirectory() {
        Path bin = envRoot().resolve("cifar10/cifar-10-batches-bin");
        for (int b = 1; b <= 5; b++) {
            writeFile(bin.resolve("data_batch_" + b + ".bin"), cifarRecords(b, new int[][] {{b}}));
        }
        writeFile(bin.resolve("test_batch.bin"), cifarRecords(0, new int[][] {{0}}));

        DataSplit split = sources().load("cifar10", Optional.empty());

        assertThat(split.kind()).isEqualTo(KnownDataset.CIFAR10);
        assertThat(split.train().labels()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void pathOfIdxFilesIsFashionMnistWhenItSaysSoElseMnist() {
        Path fashion = idxDirectory(tmp.resolve("my-Fashion-data"), 4, 2, true);
        Path digits = idxDirectory(tmp.resolve("digits"), 5, 2, false);

        assertThat(sources().load(fashion.toString(), Optional.empty()).kind()).isEqualTo(KnownDataset.FASHION_MNIST);
        DataSplit split = sources().load(digits.toString(), Optional.empty());
        assertThat(split.kind()).isEqualTo(KnownDataset.MNIST);
        assertThat(split.train().size()).isEqualTo(5);
    }

    @Test
    void pathOfCifar100IsRecognised() {
        Path bin = tmp.resolve("c100/cifar-100-binary");
        writeFile(bin.resolve("train.bin"), cifarRecords(0, new int[][] {{1, 77}}));
        writeFile(bin.resolve("test.bin"), cifarRecords(0, new int[][] {{1, 66}}));

        DataSplit split = sources().load(tmp.resolve("c100").toString(), Optional.empty());

        assertThat(split.kind()).isEqualTo(KnownDataset.CIFAR100);
        assertThat(split.test().labels()).containsExactly(66);
    }

    @Test
    void pathWithoutADatasetSaysWhatWasExpected() {
        Path empty = tmp.resolve("empty");
        writeFile(empty.resolve("notes.txt"), new byte[] {1});

        assertThatThrownBy(() -> sources().load(empty.toString(), Optional.empty()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(empty + ": no dataset recognised (expected IDX files such as"
                        + " train-images-idx3-ubyte[.gz]");
        assertThatThrownBy(() -> sources().load(tmp.resolve("nowhere").toString(), Optional.empty()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(tmp.resolve("nowhere") + ": no such directory (--data takes sample, fashion-mnist, mnist,"
                        + " cifar10, cifar100 or a dataset directory)");
    }

    @Test
    void sampleFallsBackToTheSourceTreeWhenNotOnTheClasspath() {
        Path onDisk = idxDirectory(tmp.resolve("samples/fashion-mnist-sample"), 20, 10, true);

        DataSplit split = DataSources.sample("/no/such/resource/", onDisk);

        assertThat(split.train().size()).isEqualTo(20);
        assertThat(split.kind()).isEqualTo(KnownDataset.FASHION_MNIST);
        assertThatThrownBy(() -> DataSources.sample("/no/such/resource/", tmp.resolve("none")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("sample: the bundled sample is neither on the classpath (/no/such/resource/)");
    }

    @Test
    void sampleComesFromTheClasspath() {
        // The test classpath has the packaged resources, as the jar does.
        DataSplit split = sources().load("sample", Optional.empty());

        assertThat(split.train().name()).isEqualTo("sample (train)");
        assertThat(split.test().name()).isEqualTo("sample (test)");
    }
}
