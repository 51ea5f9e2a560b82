package dev.mitosis.app.charts;

import java.awt.geom.Rectangle2D;
import java.util.Optional;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A chart on screen: a jfreechart-fx {@link ChartViewer} (mouse-drag zoom, wheel zoom) with the
 * explorer's context menu (save as PNG, SVG, PDF, or the CSV behind the chart; reset zoom) and, for
 * dense charts, a nearest-point tooltip computed from the chart's own arrays instead of one JFreeChart
 * entity per point.
 */
public final class ChartView extends StackPane {

    /** Saves a chart in a format (asking where); the context menu's Save items call it. */
    @FunctionalInterface
    public interface Saver {
        void save(ChartView chart, ChartExport.Format format);
    }

    private static final int MIN_EXPORT_WIDTH = 640;
    private static final int MIN_EXPORT_HEIGHT = 400;

    private final ChartSource source;
    private final ChartViewer viewer;
    private final Tooltip hover = new Tooltip();
    private final javafx.scene.control.Label empty = new javafx.scene.control.Label();

    ChartView(ChartSource source, Saver saver) {
        this.source = source;
        this.viewer = new ChartViewer(source.chart(), false);
        getStyleClass().add("chart-view");
        getChildren().addAll(viewer, empty);
        if (source.chart().getPlot() instanceof org.jfree.chart.plot.XYPlot xy && DotLayer.wanted(xy)) {
            DotLayer dots = new DotLayer(viewer, xy);
            getChildren().add(1, dots);
            source.chart().addProgressListener(e -> {
                if (e.getType() == org.jfree.chart.event.ChartProgressEvent.DRAWING_FINISHED) {
                    dots.repaint();
                }
            });
            source.onPointsChanged(dots::repaint);
        }
        empty.getStyleClass().add("chart-empty");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        empty.setMaxWidth(420);
        source.chart().addChangeListener(e -> refreshEmpty());
        refreshEmpty();
        ContextMenu menu = new ContextMenu();
        for (ChartExport.Format f : ChartExport.Format.values()) {
            MenuItem item = new MenuItem(f == ChartExport.Format.CSV ? "Save data as CSV…"
                    : "Save as " + f.name() + "…", new FontIcon(f == ChartExport.Format.CSV
                    ? "mdi2t-table-arrow-down" : "mdi2f-file-image-outline"));
            item.setId("save-" + f.extension());
            item.setOnAction(e -> saver.save(this, f));
            menu.getItems().add(item);
        }
        MenuItem reset = new MenuItem("Reset zoom", new FontIcon("mdi2m-magnify-remove-outline"));
        reset.setOnAction(e -> source.resetZoom());
        menu.getItems().addAll(new SeparatorMenuItem(), reset);
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
        if (!source.itemTooltips()) {
            viewer.getCanvas().setTooltipEnabled(false);
            viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
            viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.hide());
        }
    }

    private void refreshEmpty() {
        Optional<String> message = source.emptyMessage();
        empty.setText(message.orElse(""));
        empty.setVisible(message.isPresent());
    }

    public ChartViewer viewer() {
        return viewer;
    }

    /** Base name for the chart's files, e.g. "eigenvalues". */
    public String fileName() {
        return source.fileName();
    }

    /** The chart as it looks now (at least 640×400), as the bytes of a file. FX thread: it reads the chart model. */
    public byte[] render(ChartExport.Format format) {
        int w = Math.max(MIN_EXPORT_WIDTH, (int) Math.round(getWidth()));
        int h = Math.max(MIN_EXPORT_HEIGHT, (int) Math.round(getHeight()));
        return ChartExport.render(source, format, w, h);
    }

    private void hovered(MouseEvent e) {
        if (viewer.getRenderingInfo() == null || viewer.getRenderingInfo().getPlotInfo() == null) {
            return;
        }
        Rectangle2D area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
        Optional<String> text = source.tooltipAt(e.getX(), e.getY(), area);
        if (text.isEmpty()) {
            hover.hide();
            return;
        }
        hover.setText(text.get());
        if (hover.isShowing()) {
            hover.setAnchorX(e.getScreenX() + 14);
            hover.setAnchorY(e.getScreenY() + 14);
        } else {
            hover.show(viewer, e.getScreenX() + 14, e.getScreenY() + 14);
        }
    }
}
