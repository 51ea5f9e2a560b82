package dev.mitosis.app.export;

import dev.mitosis.app.charts.ChartExport;
import dev.mitosis.app.charts.ChartView;
import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.Dialogs;
import dev.mitosis.app.common.StatusNotes;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.io.AtomicFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.stage.FileChooser;

/**
 * Saving a chart as PNG, SVG, PDF or CSV, from its context menu or the toolbar: a file chooser that
 * starts in the {@link ExportFolder}, rendering on the FX thread (it reads the chart model), writing on the
 * I/O thread.
 */
public final class ChartFiles implements ChartView.Saver {

    private final Saving saving;
    private final ExportFolder folder;

    public ChartFiles(Workspace workspace, Background background, StatusNotes notes) {
        this.saving = new Saving(background, notes);
        this.folder = new ExportFolder(workspace);
    }

    /** Asks where, then saves. */
    @Override
    public void save(ChartView chart, ChartExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + chart.fileName() + " as " + format.name());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.description(),
                "*." + format.extension()));
        chooser.setInitialFileName(chart.fileName() + "." + format.extension());
        chooser.setInitialDirectory(initialDirectory().toFile());
        File chosen = chooser.showSaveDialog(Dialogs.windowOf(chart));
        if (chosen == null) {
            return;
        }
        Path file = chosen.toPath();
        // Some platforms' choosers return the typed name without the filter's extension.
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + format.extension())) {
            file = file.resolveSibling(file.getFileName() + "." + format.extension());
        }
        save(chart, format, file);
    }

    /** Where the file chooser opens. */
    public Path initialDirectory() {
        return folder.initial();
    }

    /** Saves the chart as it looks now (at least 640×400) to {@code file}, atomically. FX thread. */
    public CompletableFuture<Path> save(ChartView chart, ChartExport.Format format, Path file) {
        byte[] bytes = chart.render(format);
        folder.remember(file.toAbsolutePath().getParent());
        return saving.save(Dialogs.windowOf(chart), "the chart", file, target -> AtomicFiles.write(target, bytes));
    }
}
