package dev.mitosis.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;

/**
 * Runs the command line and carries out the error contract in one place: bad input (a
 * {@link IllegalArgumentException}, which {@link dev.mitosis.BadInputException} is, or a picocli
 * parameter error) prints one line on stderr and exits 2; anything else is an internal error, exit 1.
 * Stack traces only with {@code --verbose}. All output goes through the command line's writers, so tests
 * run commands in-process.
 */
public final class Cli {

    public static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
    public static final int INTERNAL = CommandLine.ExitCode.SOFTWARE;

    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MitosisCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = Arrays.asList(parseResult.originalArgs().toArray()).contains("--verbose");
            PrintWriter err = commandLine.getErr();
            if (verbose) {
                ex.printStackTrace(err);
            }
            if (ex instanceof CancellationException) {
                err.println("mitosis: cancelled");
                return 130;
            }
            if (ex instanceof IllegalArgumentException) {
                err.println("mitosis: " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            err.println("mitosis: internal error: " + oneLine(String.valueOf(ex.getMessage()))
                    + (verbose ? "" : " (run with --verbose for details)"));
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("mitosis: " + oneLine(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
