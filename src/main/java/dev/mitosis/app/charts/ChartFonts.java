package dev.mitosis.app.charts;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The typeface of every chart: DejaVu Sans, bundled in the jar (see LICENSE-DejaVu.txt next to it).
 * A logical font such as SansSerif is whatever the machine maps it to, and a PDF can only name it
 * (Helvetica, not embedded); with a font file of our own, the screen, the PNG and SVG exports and the
 * PDF, which embeds the glyphs it uses, all set the same text the same way on any machine.
 */
final class ChartFonts {

    private static final Face PLAIN = Face.load("DejaVuSans.ttf");
    private static final Face BOLD = Face.load("DejaVuSans-Bold.ttf");

    private ChartFonts() {
    }

    static Font plain(float size) {
        return PLAIN.font.deriveFont(Font.PLAIN, size);
    }

    /** The bold face, styled bold too, so SVG says font-weight bold (AWT does not embolden a bold face again). */
    static Font bold(float size) {
        return BOLD.font.deriveFont(Font.BOLD, size);
    }

    /** A text drawer for {@code doc} that embeds the chart fonts (subsets of them) instead of naming standard fonts. */
    static PdfBoxGraphics2DFontTextDrawer embeddingDrawer(PDDocument doc) throws IOException {
        PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
        for (Face f : new Face[] {PLAIN, BOLD}) {
            // pdfbox-graphics2d finds a registered font by the AWT font's name
            drawer.registerFont(f.font.getFontName(), PDType0Font.load(doc, new ByteArrayInputStream(f.bytes)));
        }
        return drawer;
    }

    /** One font file: its bytes (each PDF loads its own copy) and the AWT font made from them. */
    private record Face(byte[] bytes, Font font) {
        static Face load(String file) {
            try (InputStream in = ChartFonts.class.getResourceAsStream("/dev/mitosis/fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("the chart font " + file + " is missing from the jar");
                }
                byte[] bytes = in.readAllBytes();
                return new Face(bytes, Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("the chart font " + file + " is not a TrueType font", e);
            }
        }
    }
}
