package dev.mitosis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
        /** The first line of stderr, which is all a bad-input error may print. */
        String errorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
