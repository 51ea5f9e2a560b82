package dev.mitosis.app;

import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.app.grow.SessionBackend;
import dev.mitosis.app.workspace.Documents;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the explorer in a TestFX stage and waits for it, for the explorer's UI tests. */
final class ExplorerFixture {

    private ExplorerFixture() {
    }

    /** The explorer with the bundled seed and the real growth backend. FX thread (TestFX @Start). */
    static Explorer start(Stage stage) {
        return start(stage, new SessionBackend(), Documents::bundledSeed);
    }

    static Explorer start(Stage stage, GrowthBackend backend, Supplier<Documents.Opened> initial) {
        return start(stage, new Explorer.Options(backend, initial, false));
    }

    static Explorer start(Stage stage, Explorer.Options options) {
        Explorer explorer = Explorer.create(options);
        stage.setWidth(1480);
        stage.setHeight(920);
        explorer.show(stage);
        return explorer;
    }

    /** Waits (pumping the FX thread) until {@code condition} holds, evaluated on the FX thread. */
    static void waitUntil(long seconds, String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what, e);
        }
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    static <T> T onFx(java.util.concurrent.Callable<T> work) {
        return WaitForAsyncUtils.waitForAsyncFx(30_000, work);
    }

    static void runFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }
}
