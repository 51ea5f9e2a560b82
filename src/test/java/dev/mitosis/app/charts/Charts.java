package dev.mitosis.app.charts;

import dev.mitosis.app.grow.NeuronFrame;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.run.Method;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;

/** Data and renderings the chart tests share: candidates, neuron frames, a chart drawn off screen. */
final class Charts {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private Charts() {
    }

    static CandidateEntry candidate(long id, long parent, int round, Method method, long macs, double accuracy) {
        CandidateRecord r = new CandidateRecord(id, parent, round, method, method.id() + "-r" + round, macs, macs / 10,
                accuracy, 0.3, 1.0, List.of("a"), List.of(8), "", 0);
        return new CandidateEntry(r, null, false);
    }

    /** A small run whose MACs axis ends just past its 700k tick, as in the frontier the issue was reported with. */
    static List<CandidateEntry> run() {
        return List.of(candidate(1, 0, 0, Method.SEED, 327_000, 0.901), candidate(2, 1, 1, Method.SPLIT, 420_000, 0.912),
                candidate(3, 2, 2, Method.SPLIT, 560_000, 0.918), candidate(4, 3, 3, Method.SPLIT, 672_800, 0.915));
    }

    /** Layers with the given λ_min per neuron and MAC costs; the first {@code selected} neurons of each chosen. */
    static NeuronFrame frame(boolean withSelection, long[] costs, double[]... lambdas) {
        List<LayerSnapshot> layers = new java.util.ArrayList<>();
        for (int l = 0; l < lambdas.length; l++) {
            double[] lam = lambdas[l];
            if (withSelection) {
                boolean[] sel = new boolean[lam.length];
                sel[0] = true;
                layers.add(new LayerSnapshot("blocks." + l + ".pw", lam, new double[0], costs[l], sel));
            } else {
                layers.add(LayerSnapshot.live("blocks." + l + ".pw", lam, costs[l]));
            }
        }
        return new NeuronFrame("t", withSelection ? "energy-aware(macs, grow 0.3)" : "", layers);
    }

    /** Draws the chart as the explorer does (axes computed), returning what JFreeChart recorded. */
    static ChartRenderingInfo draw(ChartSource source) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        source.chart().draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
        g.dispose();
        return info;
    }

    /** The PNG export, decoded. */
    static BufferedImage png(ChartSource source) {
        try {
            return ImageIO.read(new ByteArrayInputStream(ChartExport.render(source, ChartExport.Format.PNG, WIDTH, HEIGHT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String svg(ChartSource source) {
        return new String(ChartExport.render(source, ChartExport.Format.SVG, WIDTH, HEIGHT),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes every format to {@code chart-exports/} under the system temp dir, for a person to look at. */
    static void keep(ChartSource source, String name) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "chart-exports");
            Files.createDirectories(dir);
            for (ChartExport.Format f : ChartExport.Format.values()) {
                Files.write(dir.resolve(name + "." + f.extension()), ChartExport.render(source, f, WIDTH, HEIGHT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pixels of the image's outer frame, {@code band} wide, that are not the white background. */
    static int inkNearTheBorder(BufferedImage image, int band) {
        int ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean edge = x < band || y < band || x >= image.getWidth() - band || y >= image.getHeight() - band;
                if (edge && (image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    ink++;
                }
            }
        }
        return ink;
    }
}
