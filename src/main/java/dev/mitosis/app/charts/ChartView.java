package dev.mitosis.app.charts;

import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.Dialogs;
import dev.mitosis.app.common.StatusNotes;
import dev.mitosis.io.AtomicFiles;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A chart on screen: a jfreechart-fx {@link ChartViewer} (mouse-drag zoom, wheel zoom) with the
 * explorer's context menu (save as PNG, SVG, PDF, or the CSV behind the chart; reset zoom) and, for
 * dense charts, a nearest-point tooltip computed from the chart's own arrays instead of one JFreeChart
 * entity per point.
 */
public final class ChartView extends StackPane {

    private static final int MIN_EXPORT_WIDTH = 640;
    private static final int MIN_EXPORT_HEIGHT = 400;
    private static Path lastDirectory;

    private final ChartSource source;
    private final ChartViewer viewer;
    private final Background background;
    private final StatusNotes notes;
    private final Tooltip hover = new Tooltip();
    private final javafx.scene.control.Label empty = new javafx.scene.control.Label();

    ChartView(ChartSource source, Background background, StatusNotes notes) {
        this.source = source;
        this.background = background;
        this.notes = notes;
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
            item.setOnAction(e -> saveWithChooser(f));
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

    ChartSource source() {
        return source;
    }

    /** Renders the chart as it looks now (at least 640×400) and writes it atomically. */
    public CompletableFuture<Path> save(ChartExport.Format format, Path file) {
        int w = Math.max(MIN_EXPORT_WIDTH, (int) Math.round(getWidth()));
        int h = Math.max(MIN_EXPORT_HEIGHT, (int) Math.round(getHeight()));
        byte[] bytes = ChartExport.render(source, format, w, h);
        return CompletableFuture.supplyAsync(() -> {
            try {
                AtomicFiles.write(file, bytes);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }, background.io());
    }

    private void saveWithChooser(ChartExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + source.fileName() + " as " + format.name());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.description(),
                "*." + format.extension()));
        chooser.setInitialFileName(source.fileName() + "." + format.extension());
        if (lastDirectory != null && lastDirectory.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastDirectory.toFile());
        }
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        Path file = chosen.toPath();
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + format.extension())) {
            file = file.resolveSibling(file.getFileName() + "." + format.extension());
        }
        lastDirectory = file.toAbsolutePath().getParent();
        save(format, file).whenComplete((p, error) -> Platform.runLater(() -> {
            if (error != null) {
                Dialogs.error(getScene().getWindow(), "Could not save the chart", error);
            } else {
                notes.post("Saved " + p);
            }
        }));
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
