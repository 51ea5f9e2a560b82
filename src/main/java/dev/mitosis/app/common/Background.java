package dev.mitosis.app.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The explorer's two background threads.
 * <ul>
 *   <li>{@link #engine()}: the one thread that runs every DJL call (growth sessions, device
 *   detection). PyTorch keeps grad mode per thread and the engine expects a single owner, so there is
 *   exactly one.</li>
 *   <li>the I/O thread: file reads and writes that must not block the FX thread (opening runs, chart
 *   exports).</li>
 * </ul>
 * Both are daemon threads, so a closed window never keeps the JVM alive.
 *
 * <p>Views start work here with {@link #io(Supplier, Consumer, Consumer)} or
 * {@link #engine(Supplier, Consumer, Consumer)}, which bring its outcome back to the FX thread: the one
 * way a result of background work reaches a view.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService engine = Executors.newSingleThreadExecutor(named("mitosis-engine"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(named("mitosis-io"));

    /** The engine thread, for the Grow service's tasks. */
    public ExecutorService engine() {
        return engine;
    }

    /**
     * Runs {@code work} on the I/O thread, then, on the FX thread, hands its value to {@code shown} or
     * its error (unwrapped from the future's {@link CompletionException}) to {@code failed}. The returned
     * future is the work's: it completes before the FX thread has shown anything.
     */
    public <T> CompletableFuture<T> io(Supplier<T> work, Consumer<? super T> shown, Consumer<Throwable> failed) {
        return thenOnFx(io, work, shown, failed);
    }

    /** As {@link #io(Supplier, Consumer, Consumer)}, with {@code work} on the engine thread (DJL calls). */
    public <T> CompletableFuture<T> engine(Supplier<T> work, Consumer<? super T> shown, Consumer<Throwable> failed) {
        return thenOnFx(engine, work, shown, failed);
    }

    private static <T> CompletableFuture<T> thenOnFx(ExecutorService thread, Supplier<T> work, Consumer<? super T> shown,
                                                     Consumer<Throwable> failed) {
        CompletableFuture<T> done = CompletableFuture.supplyAsync(work, thread);
        done.whenComplete((value, error) -> Platform.runLater(() -> {
            if (error == null) {
                shown.accept(value);
            } else {
                failed.accept(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        }));
        return done;
    }

    /** Whether {@link #close} was called: the threads take no more work (the explorer is closing). */
    public boolean isClosed() {
        return io.isShutdown();
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
