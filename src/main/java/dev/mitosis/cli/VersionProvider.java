package dev.mitosis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code mitosis --version}: the project version and the commit it was built from, as the build wrote
 * them to {@code dev/mitosis/git.properties}; "unknown" for a build from a tree without git.
 */
final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "/dev/mitosis/git.properties";

    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
        String version = p.getProperty("git.build.version", "unknown");
        String commit = p.getProperty("git.commit.id.abbrev", "unknown");
        String dirty = Boolean.parseBoolean(p.getProperty("git.dirty", "false")) ? " with uncommitted changes" : "";
        String date = p.containsKey("git.commit.time") ? " of " + p.getProperty("git.commit.time") : "";
        return new String[] {"mitosis " + version + " (commit " + commit + date + dirty + ")"};
    }
}
