package dev.mitosis;

import dev.mitosis.app.MitosisApp;
import dev.mitosis.app.bench.BenchUiCommand;
import dev.mitosis.cli.Cli;
import picocli.CommandLine;

/**
 * Launcher. No arguments opens the GUI; anything else runs the command line, to which it adds the one
 * command that needs JavaFX ({@code bench ui}). It does not extend {@code Application}, so
 * {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (args.length == 0) {
            MitosisApp.launch();
            System.exit(0);
        }
        CommandLine commandLine = Cli.commandLine();
        commandLine.getSubcommands().get("bench").addSubcommand("ui", new BenchUiCommand());
        System.exit(commandLine.execute(args));
    }
}
