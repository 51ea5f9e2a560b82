package dev.mitosis.cli;

import dev.mitosis.build.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code mitosis --version}: see {@link BuildInfo}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {BuildInfo.read().describe()};
    }
}
