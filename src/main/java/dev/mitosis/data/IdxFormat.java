package dev.mitosis.data;

import dev.mitosis.io.BadInputException;
import dev.mitosis.data.DataFiles.Content;
import dev.mitosis.net.FeatureShape;
import java.nio.file.Path;

/**
 * The IDX files of MNIST and Fashion-MNIST (LeCun et al., http://yann.lecun.com/exdb/mnist/), raw or
 * gzipped. All integers are big-endian.
 *
 * <pre>
 * images: int32 magic 2051 (0x00000803: ubyte, 3 dims) · int32 N · int32 rows · int32 cols · N·rows·cols uint8
 * labels: int32 magic 2049 (0x00000801: ubyte, 1 dim)  · int32 N · N uint8
 * </pre>
 *
 * A directory holds {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each possibly with {@code .gz}.
 * Images are grayscale, so the shape is 1×rows×cols. Files must be exactly as long as their header says:
 * a shorter file was cut short, a longer one is not what the header describes.
 */
public final class IdxFormat {

    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private IdxFormat() {
    }

    /** Name of the images file of {@code split} ({@code train} or {@code t10k}), without the optional {@code .gz}. */
    static String imagesFile(String split) {
        return split + "-images-idx3-ubyte";
    }

    /** Name of the labels file of {@code split}, without the optional {@code .gz}. */
    static String labelsFile(String split) {
        return split + "-labels-idx1-ubyte";
    }

    /** Whether {@code dir} looks like an IDX dataset (it has the training images). */
    static boolean isIdxDirectory(Path dir) {
        return DataFiles.find(dir, imagesFile("train")).isPresent();
    }

    /** Reads the train ({@code train-*}) and test ({@code t10k-*}) parts from {@code dir}. */
    public static DataSplit read(Path dir, KnownDataset kind) {
        return new DataSplit(readSplit(dir, "train", kind, dir + " (train)"),
                readSplit(dir, "t10k", kind, dir + " (test)"));
    }

    private static Dataset readSplit(Path dir, String split, KnownDataset kind, String name) {
        Content images = DataFiles.read(DataFiles.require(dir, imagesFile(split)));
        Content labels = DataFiles.read(DataFiles.require(dir, labelsFile(split)));
        return parse(images, labels, kind, name);
    }

    /** Decodes one images file and its labels file into a dataset called {@code name}. */
    static Dataset parse(Content images, Content labels, KnownDataset kind, String name) {
        byte[] img = images.bytes();
        checkHeader(images, IMAGES_MAGIC, IMAGES_HEADER, "IDX images");
        int count = readCount(images, 4);
        int rows = readCount(images, 8);
        int cols = readCount(images, 12);
        if (rows == 0 || cols == 0) {
            throw new BadInputException(images.source() + ": images are " + rows + "x" + cols + " pixels");
        }
        FeatureShape shape = new FeatureShape(1, rows, cols);
        checkLength(images, IMAGES_HEADER, (long) count * shape.size(),
                count + " images of " + rows + "x" + cols);

        byte[] lab = labels.bytes();
        checkHeader(labels, LABELS_MAGIC, LABELS_HEADER, "IDX labels");
        int labelCount = readCount(labels, 4);
        if (labelCount != count) {
            throw new BadInputException(labels.source() + ": " + labelCount + " labels, but " + images.source()
                    + " has " + count + " images");
        }
        checkLength(labels, LABELS_HEADER, count, count + " labels");
        int[] labelValues = new int[count];
        for (int i = 0; i < count; i++) {
            labelValues[i] = lab[LABELS_HEADER + i] & 0xff;
        }
        DataFiles.checkLabels(labels.source(), labelValues, kind.classes());

        byte[] pixels = new byte[img.length - IMAGES_HEADER];
        System.arraycopy(img, IMAGES_HEADER, pixels, 0, pixels.length);
        return new Dataset(name, kind, shape, pixels, labelValues);
    }

    private static void checkHeader(Content file, int magic, int headerLength, String what) {
        if (file.bytes().length < headerLength) {
            throw new BadInputException(file.source() + ": truncated: " + file.bytes().length + " bytes, shorter than"
                    + " the " + headerLength + "-byte " + what + " header");
        }
        int found = readInt(file.bytes(), 0);
        if (found != magic) {
            throw new BadInputException(file.source() + ": wrong magic number " + found + ", expected " + magic
                    + " (" + what + ")");
        }
    }

    /** A header count or dimension; IDX stores them as signed int32, so negative means a damaged file. */
    private static int readCount(Content file, int offset) {
        int value = readInt(file.bytes(), offset);
        if (value < 0) {
            throw new BadInputException(file.source() + ": negative size " + value + " in the IDX header at byte "
                    + offset);
        }
        return value;
    }

    private static void checkLength(Content file, int header, long bodyLength, String what) {
        long found = file.bytes().length - header;
        if (found < bodyLength) {
            throw new BadInputException(file.source() + ": truncated: the header promises " + what + " ("
                    + bodyLength + " bytes) but only " + found + " bytes follow");
        }
        if (found > bodyLength) {
            throw new BadInputException(file.source() + ": " + (found - bodyLength) + " bytes after the " + what
                    + " the header promises");
        }
    }

    private static int readInt(byte[] b, int offset) {
        return (b[offset] & 0xff) << 24 | (b[offset + 1] & 0xff) << 16 | (b[offset + 2] & 0xff) << 8
                | (b[offset + 3] & 0xff);
    }
}
