package dev.mitosis;

import dev.mitosis.app.MitosisApp;
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
            MitosisApp.launch();
            System.exit(0);
        }
        System.exit(Cli.run(args));
    }
}
