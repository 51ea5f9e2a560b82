package dev.mitosis.app;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop explorer as a JavaFX application: opens with the bundled trained seed, so a new user sees
 * a real network and can click Grow at once. Launched by {@code dev.mitosis.Main} with no arguments
 * (which does not extend Application, so {@code java -jar} works with JavaFX on the class path).
 */
public final class MitosisApp extends Application {

    private Explorer explorer;

    public static void launch(String... args) {
        Application.launch(MitosisApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        explorer = Explorer.create(Explorer.Options.defaults());
        explorer.show(stage);
        explorer.showFirstRunHint();
    }

    @Override
    public void stop() {
        if (explorer != null) {
            explorer.close();
        }
    }
}
