package dev.mitosis.data;

import dev.mitosis.io.BadInputException;
import dev.mitosis.data.DataFiles.Content;
import dev.mitosis.net.FeatureShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The binary versions of CIFAR-10 and CIFAR-100 (Krizhevsky 2009,
 * https://www.cs.toronto.edu/~kriz/cifar.html). A file is a sequence of fixed-size records:
 *
 * <pre>
 * CIFAR-10:  uint8 label (0..9)                          · 3072 uint8 pixels
 * CIFAR-100: uint8 coarse label (0..19) · uint8 fine label (0..99) · 3072 uint8 pixels
 * </pre>
 *
 * The 3072 pixels are 3×32×32, channels first (the 1024 red values row by row, then green, then blue),
 * which is already the C×H×W order of {@link Dataset}. CIFAR-100 uses the 100 fine labels; the 20
 * coarse superclasses are skipped. A directory is accepted if it holds the {@code .bin} files or is the
 * parent of the folder the archive unpacks to ({@code cifar-10-batches-bin}, {@code cifar-100-binary}).
 */
public final class CifarFormat {

    static final FeatureShape SHAPE = new FeatureShape(3, 32, 32);
    private static final int IMAGE_BYTES = Math.toIntExact(SHAPE.size());

    /** How one release is laid out; the label is the last of its {@code labelBytes} leading bytes. */
    private record Layout(String title, String folder, List<String> trainFiles, String testFile, int labelBytes) {
        int recordBytes() {
            return labelBytes + IMAGE_BYTES;
        }
    }

    private static final Layout CIFAR10 = new Layout("CIFAR-10", "cifar-10-batches-bin",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                    "data_batch_5.bin"), "test_batch.bin", 1);
    private static final Layout CIFAR100 = new Layout("CIFAR-100", "cifar-100-binary", List.of("train.bin"),
            "test.bin", 2);

    private CifarFormat() {
    }

    /** Reads the training batches and the test batch of {@code kind} (CIFAR10 or CIFAR100) from {@code dir}. */
    public static DataSplit read(Path dir, KnownDataset kind) {
        Layout layout = layout(kind);
        Path home = locate(dir, layout).orElseThrow(() -> new BadInputException(dir + ": no " + layout.testFile()
                + " here or in " + dir.resolve(layout.folder()) + " (expected the " + layout.title()
                + " binary version)"));
        List<Content> train = new ArrayList<>();
        for (String name : layout.trainFiles()) {
            train.add(DataFiles.read(home.resolve(name)));
        }
        Dataset trainSet = decode(train, layout, kind, home + " (train)");
        Dataset testSet = decode(List.of(DataFiles.read(home.resolve(layout.testFile()))), layout, kind,
                home + " (test)");
        return new DataSplit(trainSet, testSet);
    }

    /** Whether {@code dir} (or the archive folder inside it) holds {@code kind}'s test file. */
    static boolean isCifarDirectory(Path dir, KnownDataset kind) {
        return locate(dir, layout(kind)).isPresent();
    }

    private static Layout layout(KnownDataset kind) {
        return switch (kind.format()) {
            case CIFAR10 -> CIFAR10;
            case CIFAR100 -> CIFAR100;
            case IDX -> throw new IllegalArgumentException(kind.id() + " is not a CIFAR dataset");
        };
    }

    private static Optional<Path> locate(Path dir, Layout layout) {
        for (Path candidate : new Path[] {dir, dir.resolve(layout.folder())}) {
            if (Files.isRegularFile(candidate.resolve(layout.testFile()))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Concatenates the records of {@code files} into one dataset. */
    private static Dataset decode(List<Content> files, Layout layout, KnownDataset kind, String name) {
        int record = layout.recordBytes();
        long total = 0;
        for (Content file : files) {
            int length = file.bytes().length;
            if (length == 0 || length % record != 0) {
                throw new BadInputException(file.source() + ": " + length + " bytes is not a whole number of "
                        + record + "-byte " + layout.title() + " records");
            }
            total += length / record;
        }
        byte[] pixels = new byte[Math.toIntExact(total * IMAGE_BYTES)];
        int[] labels = new int[(int) total];
        int image = 0;
        for (Content file : files) {
            byte[] bytes = file.bytes();
            int[] fileLabels = new int[bytes.length / record];
            for (int r = 0; r < fileLabels.length; r++) {
                int offset = r * record;
                fileLabels[r] = bytes[offset + layout.labelBytes() - 1] & 0xff;
                System.arraycopy(bytes, offset + layout.labelBytes(), pixels, (image + r) * IMAGE_BYTES, IMAGE_BYTES);
            }
            DataFiles.checkLabels(file.source(), fileLabels, kind.classes());
            System.arraycopy(fileLabels, 0, labels, image, fileLabels.length);
            image += fileLabels.length;
        }
        return new Dataset(name, kind, SHAPE, pixels, labels);
    }
}
