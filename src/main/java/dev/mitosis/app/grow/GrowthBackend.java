package dev.mitosis.app.grow;

import dev.mitosis.grow.GrowthListener;
import dev.mitosis.store.RunStore;

/**
 * Runs one growth on the calling thread, the explorer's engine thread: loads the data, creates the
 * run's store, runs the rounds and reports through the sink. {@link SessionBackend} wraps the engine's
 * growth session; tests and the responsiveness benchmark use synthetic backends.
 */
@FunctionalInterface
public interface GrowthBackend {

    /** Returns when the growth finished, failed (throws) or was cancelled through {@code cancel}. */
    void run(GrowRequest request, GrowSeed seed, Sink sink, CancelToken cancel) throws Exception;

    /** Where a backend reports: the session's events, plus the store it created. Engine thread. */
    interface Sink extends GrowthListener {
        /** The run's store exists (before the first candidate is stored). */
        void runCreated(RunStore store);
    }
}
