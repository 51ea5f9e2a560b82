package dev.mitosis.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: stack traces on errors. Part of {@link OutputOptions}; alone where a command prints no JSON. */
public final class VerboseOption {

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
