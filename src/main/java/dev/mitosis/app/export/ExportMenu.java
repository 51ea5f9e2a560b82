package dev.mitosis.app.export;

import dev.mitosis.app.charts.ChartExport;
import dev.mitosis.app.charts.ChartView;
import dev.mitosis.app.common.Dialogs;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/** The toolbar's Export menu: the selected network, as a model directory or its model.json, and the chart in front. */
public final class ExportMenu {

    private final NetworkExport network;
    private final ChartFiles charts;

    public ExportMenu(NetworkExport network, ChartFiles charts) {
        this.network = network;
        this.charts = charts;
    }

    /** Fills {@code button}'s menu; {@code front} is the chart in front when an item is chosen (null for none). */
    public void install(MenuButton button, Supplier<ChartView> front) {
        MenuItem model = new MenuItem("Network as model directory…", new FontIcon("mdi2f-folder-download-outline"));
        model.setOnAction(e -> network.saveModelDirectory(Dialogs.windowOf(button)));
        MenuItem spec = new MenuItem("Architecture (model.json)…", new FontIcon("mdi2c-code-json"));
        spec.setOnAction(e -> network.saveArchitecture(Dialogs.windowOf(button)));
        Menu chart = new Menu("Current chart", new FontIcon("mdi2c-chart-box-outline"));
        for (ChartExport.Format f : ChartExport.Format.values()) {
            MenuItem item = new MenuItem(f == ChartExport.Format.CSV ? "Data as CSV…" : f.name() + "…");
            item.setOnAction(e -> {
                ChartView view = front.get();
                if (view != null) {
                    charts.save(view, f);
                }
            });
            chart.getItems().add(item);
        }
        button.getItems().setAll(model, spec, new SeparatorMenuItem(), chart);
    }
}
