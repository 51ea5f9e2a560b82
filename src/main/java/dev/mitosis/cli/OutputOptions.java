package dev.mitosis.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --json} and {@code --verbose}, shared by every command. */
public final class OutputOptions {

    @Option(names = "--json", description = "Print machine-readable JSON on stdout.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose.verbose();
    }
}
