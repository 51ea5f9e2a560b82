package dev.mitosis.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runs under a directory, read without changing them (a run being grown elsewhere is listed too).
 * A directory that looks like a run but cannot be read is listed with its error rather than hiding
 * the others.
 */
public final class RunCatalog {

    /** A run that could not be read, and why. */
    public record Unreadable(Path directory, String reason) {
    }

    /** What a scan found: the readable runs, newest change first, and the unreadable ones. */
    public record Listing(List<RunSummary> runs, List<Unreadable> unreadable) {
        public Listing {
            runs = List.copyOf(runs);
            unreadable = List.copyOf(unreadable);
        }
    }

    private RunCatalog() {
    }

    /**
     * Where Mitosis keeps its own files: {@code ~/.mitosis}, or the directory the system property
     * {@code mitosis.home} names (the build points it into {@code target/} so tests never touch the
     * user's home).
     */
    public static Path home() {
        String configured = System.getProperty("mitosis.home");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".mitosis");
    }

    /** Where runs go unless the user picks another directory: {@code runs} under {@link #home}. */
    public static Path defaultRoot() {
        return home().resolve("runs");
    }

    /** The runs directly under {@code root} (and {@code root} itself when it is a run). */
    public static Listing scan(Path root) {
        List<Path> dirs = new ArrayList<>();
        if (RunStore.isRun(root)) {
            dirs.add(root);
        } else if (Files.isDirectory(root)) {
            try (Stream<Path> children = Files.list(root)) {
                children.filter(RunStore::isRun).sorted().forEach(dirs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(root + ": cannot list (" + e.getMessage() + ")", e);
            }
        }
        List<RunSummary> runs = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path dir : dirs) {
            try (RunStore store = RunStore.open(dir)) {
                runs.add(RunSummary.of(store, created(dir)));
            } catch (RuntimeException e) {
                unreadable.add(new Unreadable(dir, String.valueOf(e.getMessage())));
            }
        }
        runs.sort(Comparator.comparing(RunSummary::lastChange).reversed());
        return new Listing(runs, unreadable);
    }

    private static Instant created(Path dir) {
        try {
            return Files.readAttributes(dir.resolve(RunStore.DATABASE), BasicFileAttributes.class).creationTime()
                    .toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
