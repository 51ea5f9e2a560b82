package dev.mitosis.app;

import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * A UI test of the whole explorer: a fresh one in a TestFX stage for each test, closed after it. The
 * test drives it as a robot (this class is one).
 */
abstract class ExplorerTest extends ApplicationTest {

    protected Explorer explorer;

    /** The explorer under test: the bundled seed and the real growth backend unless a test needs others. */
    Explorer open(Stage stage) {
        return ExplorerFixture.start(stage);
    }

    @Override
    public final void start(Stage stage) {
        explorer = open(stage);
    }

    @Override
    public final void stop() {
        explorer.close();
    }
}
