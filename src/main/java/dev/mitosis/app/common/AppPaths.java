package dev.mitosis.app.common;

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
        String configured = System.getProperty("mitosis.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".mitosis");
    }

    /** Where new growth runs go unless the user picks another directory. */
    public static Path runs() {
        return home().resolve("runs");
    }
}
