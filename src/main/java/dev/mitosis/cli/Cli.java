package dev.mitosis.cli;

import dev.mitosis.io.BadInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;

/**
 * Runs the command line and carries out the error contract in one place: bad input (a
 * {@link IllegalArgumentException}, which {@link BadInputException} is, or a picocli parameter error)
 * prints one line on stderr and exits {@link ExitCode#BAD_INPUT}; anything else is an internal error,
 * {@link ExitCode#INTERNAL}. Stack traces only with the command's {@code --verbose}. All output goes
 * through the command line's writers, so tests run commands in-process.
 */
public final class Cli {

    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MitosisCommand());
        Choices.register(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = verbose(parseResult);
            PrintWriter err = commandLine.getErr();
            if (verbose) {
                ex.printStackTrace(err);
            }
            if (ex instanceof CancellationException) {
                err.println("mitosis: cancelled");
                return ExitCode.CANCELLED.status();
            }
            if (ex instanceof IllegalArgumentException) {
                err.println("mitosis: " + oneLine(ex.getMessage()));
                return ExitCode.BAD_INPUT.status();
            }
            err.println("mitosis: internal error: " + oneLine(String.valueOf(ex.getMessage()))
                    + (verbose || !acceptsVerbose(parseResult) ? "" : " (run with --verbose for details)"));
            return ExitCode.INTERNAL.status();
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("mitosis: " + oneLine(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCode.BAD_INPUT.status();
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Whether the command that ran was given {@code --verbose} ({@link VerboseOption}, alone or in {@link OutputOptions}). */
    private static boolean verbose(CommandLine.ParseResult parseResult) {
        return mixins(command(parseResult)).anyMatch(o -> o instanceof VerboseOption v && v.verbose());
    }

    private static boolean acceptsVerbose(CommandLine.ParseResult parseResult) {
        return command(parseResult).findOption("--verbose") != null;
    }

    private static CommandLine.Model.CommandSpec command(CommandLine.ParseResult parseResult) {
        List<CommandLine> commands = parseResult.asCommandLineList();
        return commands.get(commands.size() - 1).getCommandSpec();
    }

    private static java.util.stream.Stream<Object> mixins(CommandLine.Model.CommandSpec spec) {
        return spec.mixins().values().stream().flatMap(m -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(m.userObject()), mixins(m)));
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
