package dev.mitosis.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;

class ChartExportTest {

    /** Every font the PDF's page uses, in its form XObjects too. */
    private static void fonts(PDResources resources, List<PDFont> out) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            out.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                fonts(form.getResources(), out);
            }
        }
    }

    @Test
    void aPdfEmbedsItsFonts() throws IOException {
        FrontierChart f = new FrontierChart();
        f.show(Charts.run());
        f.setBudget(600_000);
        byte[] pdf = ChartExport.render(f, ChartExport.Format.PDF, Charts.WIDTH, Charts.HEIGHT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> used = new ArrayList<>();
            fonts(doc.getPage(0).getResources(), used);
            assertThat(used).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
        }
    }

    @Test
    void noChartTouchesTheFigureEdge() {
        EnergyCharts energy = new EnergyCharts();
        energy.show(Charts.frame(true, new long[] {300, 3_000, 150_000}, new double[] {-0.5, 0.2},
                new double[] {-0.1, 0.3}, new double[] {-0.2, 0.1}));
        EigenvalueChart eigen = new EigenvalueChart();
        eigen.show(Charts.frame(true, new long[] {300, 3_000}, new double[] {-0.5, 0.2}, new double[] {-0.1, 0.3}));
        for (ChartSource c : List.of(energy.costs(), energy.scatter(), eigen)) {
            assertThat(Charts.inkNearTheBorder(Charts.png(c), 8)).as(c.fileName()).isZero();
        }
        Charts.keep(energy.costs(), "cost-per-neuron");
    }
}
