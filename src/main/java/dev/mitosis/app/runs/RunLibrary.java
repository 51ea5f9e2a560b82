package dev.mitosis.app.runs;

import dev.mitosis.io.AtomicFiles;
import dev.mitosis.io.BadInputException;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.store.RunCatalog;
import dev.mitosis.store.RunStore;
import dev.mitosis.store.RunSummary;
import dev.mitosis.text.Formats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file work of the runs library: listing the runs under a directory and in the recent list, and
 * renaming and deleting one. Every method does I/O and runs off the FX thread. Runs are only read
 * (through {@link RunStore#open}); rename and delete move or remove the directory as a whole, and refuse
 * a run that a writer holds.
 */
final class RunLibrary {

    private RunLibrary() {
    }

    /**
     * The runs directly under {@code root} and the recent paths that are runs, each once, newest change
     * first; runs that cannot be read come last, with their reason.
     */
    static List<RunRow> list(Path root, List<Path> recent) {
        Map<Path, RunRow> rows = new LinkedHashMap<>();
        add(rows, RunCatalog.scan(root));
        for (Path p : recent) {
            Path dir = p.toAbsolutePath().normalize();
            if (!rows.containsKey(dir) && RunStore.isRun(dir)) {
                add(rows, RunCatalog.scan(dir));
            }
        }
        List<RunRow> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing(RunRow::readable).thenComparing(RunRow::lastChange).reversed());
        return out;
    }

    private static void add(Map<Path, RunRow> rows, RunCatalog.Listing listing) {
        for (RunSummary s : listing.runs()) {
            Path dir = s.directory().toAbsolutePath().normalize();
            String seed = !s.seedName().isEmpty() ? s.seedName() : s.seedMacs() > 0 ? Formats.count(s.seedMacs()) + " MACs"
                    : "";
            rows.put(dir, new RunRow(dir, seed, Optional.of(s.state()), s.candidates(), s.rounds(),
                    s.best().map(CandidateRecord::accuracy).orElse(Double.NaN),
                    s.best().map(CandidateRecord::macs).orElse(0L), s.lastChange(), ""));
        }
        for (RunCatalog.Unreadable u : listing.unreadable()) {
            Path dir = u.directory().toAbsolutePath().normalize();
            rows.put(dir, new RunRow(dir, "", Optional.empty(), 0, 0, Double.NaN, 0, Instant.EPOCH, u.reason()));
        }
    }

    /** Renames the run directory to {@code name} beside it and returns the new directory. */
    static Path rename(Path dir, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new BadInputException("type the run's new name");
        }
        if (n.contains("/") || n.contains("\\") || n.contains(dir.getFileSystem().getSeparator()) || n.equals(".")
                || n.equals("..")) {
            throw new BadInputException("\"" + n + "\": a name, not a path (no / or \\)");
        }
        Path target = dir.resolveSibling(n);
        if (Files.exists(target)) {
            throw new BadInputException(target + " already exists; choose another name");
        }
        refuseGrowing(dir, "rename");
        try {
            return Files.move(dir, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + dir + " to " + n + " (" + e.getMessage() + ")", e);
        }
    }

    /** Deletes the run directory and everything in it. */
    static void delete(Path dir) {
        refuseGrowing(dir, "delete");
        try {
            AtomicFiles.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Asked again at the moment of the change, not taken from the listing, which may be minutes old: a
     * run is growing while a writer (this explorer, the CLI) holds its lock.
     */
    private static void refuseGrowing(Path dir, String what) {
        // the lock, not the recorded state: a baseline writes a finished run without marking it growing
        if (RunStore.isLocked(dir)) {
            throw new BadInputException(dir.getFileName() + " is being written (a process holds its lock); cannot "
                    + what + " it until that ends");
        }
    }
}
