package dev.mitosis.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which Mitosis this is: the version and commit the build stamped into
 * {@code /dev/mitosis/git.properties} (the git-commit-id plugin in the pom), for {@code mitosis --version}
 * and the explorer's About box alike.
 *
 * @param dirty the tree had uncommitted changes when it was built
 */
public record BuildInfo(String version, String commit, String date, boolean dirty) {

    public static final String RESOURCE = "/dev/mitosis/git.properties";
    private static final String UNKNOWN = "unknown";

    /** What the build wrote; "unknown" fields for a build from a tree without git. */
    public static BuildInfo read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
        return new BuildInfo(p.getProperty("git.build.version", UNKNOWN), p.getProperty("git.commit.id.abbrev", UNKNOWN),
                p.getProperty("git.commit.time", ""), Boolean.parseBoolean(p.getProperty("git.dirty", "false")));
    }

    /** "mitosis 0.1.0 (commit 1a2b3c4 of 2026-12-01)", the words of {@code mitosis --version}. */
    public String describe() {
        return "mitosis " + version + " (commit " + commit + (date.isEmpty() ? "" : " of " + date)
                + (dirty ? " with uncommitted changes" : "") + ")";
    }
}
