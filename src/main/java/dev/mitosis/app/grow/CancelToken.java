package dev.mitosis.app.grow;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cancellation from the FX thread to the engine thread without interrupts (an interrupt would close
 * the file channels of a store write in progress). The backend checks {@link #isCancelled} between its
 * steps and registers the session's own {@code cancel} with {@link #onCancel} once it has one.
 */
public final class CancelToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Runnable> hook = new AtomicReference<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Runnable r = hook.get();
            if (r != null) {
                r.run();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code action} on cancel, or now if already cancelled. */
    public void onCancel(Runnable action) {
        hook.set(action);
        if (cancelled.get()) {
            action.run();
        }
    }
}
