package dev.mitosis;

import dev.mitosis.cli.Cli;

/**
 * Launcher. No arguments opens the GUI; anything else runs the command line. It does not extend
 * {@code Application}, so {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (args.length == 0) {
            System.err.println("The GUI is not built yet; run 'mitosis --help' for the commands.");
            System.exit(Cli.BAD_INPUT);
        }
        System.exit(Cli.run(args));
    }
}
