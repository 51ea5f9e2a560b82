package dev.mitosis.app.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The explorer's two background threads.
 * <ul>
 *   <li>{@link #engine()}: the one thread that runs every DJL call (growth sessions, device
 *   detection). PyTorch keeps grad mode per thread and the engine expects a single owner, so there is
 *   exactly one.</li>
 *   <li>{@link #io()}: file reads and writes that must not block the FX thread (opening runs, chart
 *   exports).</li>
 * </ul>
 * Both are daemon threads, so a closed window never keeps the JVM alive.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService engine = Executors.newSingleThreadExecutor(named("mitosis-engine"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(named("mitosis-io"));

    public ExecutorService engine() {
        return engine;
    }

    public ExecutorService io() {
        return io;
    }

    /** Runs {@code work} on the I/O thread; the returned future completes there (use {@link #onFx}). */
    public <T> CompletableFuture<T> io(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, io);
    }

    /** An executor for {@code CompletableFuture} continuations that must run on the FX thread. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Stops taking work and waits a little for what runs: I/O briefly, the engine thread longer, so a
     * growth told to stop can finish its batch and leave its store clean.
     */
    @Override
    public void close() {
        io.shutdown();
        engine.shutdown();
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
            engine.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
