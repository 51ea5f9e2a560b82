package dev.mitosis.app.common;

/**
 * Tells a view's own changes to its controls from the user's: a view shows the model's state inside
 * {@link #run}, and the controls' listeners ignore what happens while {@link #active()}, so showing a
 * value never echoes back into the model as if the user had chosen it. The flag is restored in a
 * {@code finally}, so an exception cannot leave it set. FX thread.
 */
public final class EchoGuard {

    private boolean active;

    public void run(Runnable change) {
        boolean outer = active;
        active = true;
        try {
            change.run();
        } finally {
            active = outer;
        }
    }

    /** True inside {@link #run}: the change under way is the view's own. */
    public boolean active() {
        return active;
    }
}
