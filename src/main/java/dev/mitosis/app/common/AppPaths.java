package dev.mitosis.app.common;

import dev.mitosis.store.RunCatalog;
import java.nio.file.Path;

/**
 * Where the explorer keeps its own files: {@code ~/.mitosis}, or the directory named by the system
 * property {@code mitosis.home} (the build points it into {@code target/} so tests never touch the
 * user's home).
 */
public final class AppPaths {

    private AppPaths() {
    }

    public static Path home() {
        return RunCatalog.home();
    }

    /** Where new growth runs go unless the user picks another directory. */
    public static Path runs() {
        return RunCatalog.defaultRoot();
    }
}
