package dev.mitosis.cli;

/** What the process's exit status means; the values are part of the CLI's contract (README, Commands). */
public enum ExitCode {
    OK(0),
    /** A bug or an environment failure: the message says "internal error". */
    INTERNAL(picocli.CommandLine.ExitCode.SOFTWARE),
    /** The input was wrong (a file, a field, an option); the message names it. */
    BAD_INPUT(picocli.CommandLine.ExitCode.USAGE),
    /** Stopped by the user (Ctrl-C or a cancel): 128 + SIGINT, as shells report it. */
    CANCELLED(130);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
