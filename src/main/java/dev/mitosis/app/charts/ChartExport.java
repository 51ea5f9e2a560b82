package dev.mitosis.app.charts;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;

/**
 * Renders a chart to the bytes of a PNG, SVG or PDF file, from the same JFreeChart model the window
 * shows. The vector writers are LGPL (VectorGraphics2D, SVG) and Apache (pdfbox-graphics2d, PDF), not
 * the GPL JFreeSVG/JFreePDF. Images are figures: they leave out what only the window needs (see
 * {@link ChartSource#asFigure}), and a PDF embeds its fonts ({@link ChartFonts}). Rendering reads the chart model, so it runs on the FX thread that owns it;
 * writing the bytes can happen anywhere.
 */
public final class ChartExport {

    /** The formats offered in a chart's context menu. */
    public enum Format {
        PNG("png", "PNG image"), SVG("svg", "SVG vector image"), PDF("pdf", "PDF document"), CSV("csv", "CSV data");

        private final String extension;
        private final String description;

        Format(String extension, String description) {
            this.extension = extension;
            this.description = description;
        }

        public String extension() {
            return extension;
        }

        public String description() {
            return description;
        }
    }

    private ChartExport() {
    }

    static byte[] render(ChartSource source, Format format, int width, int height) {
        return switch (format) {
            case PNG -> source.asFigure(() -> png(source.chart(), width, height));
            case SVG -> source.asFigure(() -> svg(source.chart(), width, height));
            case PDF -> source.asFigure(() -> pdf(source.chart(), width, height));
            case CSV -> source.csv().toCsv().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A PNG at twice the given size (sharp on high-density screens and in print). */
    private static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(2 * width, 2 * height, width, height, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] svg(JFreeChart chart, int width, int height) {
        VectorGraphics2D g = new VectorGraphics2D();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Processors.get("svg").getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] pdf(JFreeChart chart, int width, int height) {
        try (PDDocument doc = new PDDocument(); PdfBoxGraphics2DFontTextDrawer fonts = ChartFonts.embeddingDrawer(doc)) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
            g.setFontTextDrawer(fonts);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(form);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
