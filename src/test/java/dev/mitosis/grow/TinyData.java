package dev.mitosis.grow;

import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small Fashion-MNIST sets cut from the bundled sample, in memory or as IDX files on disk. */
public final class TinyData {

    private TinyData() {
    }

    public static DataSplit split(int trainPerClass, int testPerClass) {
        DataSplit sample = DataSources.sample();
        return new DataSplit(sample.train().firstPerClass(trainPerClass), sample.test().firstPerClass(testPerClass));
    }

    /** Writes the four IDX files into {@code dir}, which should have "fashion" in its name. */
    public static Path write(Path dir, int trainPerClass, int testPerClass) throws IOException {
        DataSplit s = split(trainPerClass, testPerClass);
        Files.createDirectories(dir);
        writePart(dir, "train", s.train());
        writePart(dir, "t10k", s.test());
        return dir;
    }

    private static void writePart(Path dir, String part, Dataset d) throws IOException {
        int n = d.size();
        int h = d.shape().height();
        int w = d.shape().width();
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(images);
        out.writeInt(2051);
        out.writeInt(n);
        out.writeInt(h);
        out.writeInt(w);
        for (int i = 0; i < n; i++) {
            out.write(d.image(i));
        }
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream lout = new DataOutputStream(labels);
        lout.writeInt(2049);
        lout.writeInt(n);
        for (int i = 0; i < n; i++) {
            lout.writeByte(d.label(i));
        }
        gzip(dir.resolve(part + "-images-idx3-ubyte.gz"), images.toByteArray());
        gzip(dir.resolve(part + "-labels-idx1-ubyte.gz"), labels.toByteArray());
    }

    private static void gzip(Path file, byte[] data) throws IOException {
        try (GZIPOutputStream g = new GZIPOutputStream(Files.newOutputStream(file))) {
            g.write(data);
        }
    }
}
