package dev.mitosis.app.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The directories opened lately, newest first, at most {@link #LIMIT}; kept in {@code recent.json}
 * under the Mitosis home (see {@link RecentFilesJson}). FX thread.
 */
public final class RecentFiles {

    public static final int LIMIT = 10;

    private final Path file;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();
    private final ObservableList<Path> view = FXCollections.unmodifiableObservableList(paths);

    private RecentFiles(Path file, List<Path> initial) {
        this.file = file;
        paths.setAll(initial);
    }

    /** Reads {@code file}; a missing or unreadable file gives an empty list. */
    public static RecentFiles load(Path file) {
        return new RecentFiles(file, RecentFilesJson.read(file));
    }

    public ObservableList<Path> paths() {
        return view;
    }

    /** Moves {@code path} to the front and saves. */
    public void add(Path path) {
        Path p = path.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(paths);
        next.remove(p);
        next.add(0, p);
        while (next.size() > LIMIT) {
            next.remove(next.size() - 1);
        }
        paths.setAll(next);
        save();
    }

    public void remove(Path path) {
        if (paths.remove(path)) {
            save();
        }
    }

    private void save() {
        RecentFilesJson.write(file, List.copyOf(paths));
    }
}
