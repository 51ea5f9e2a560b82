package dev.mitosis.grow;

/** Receives growth events on the session's (engine) thread; must return quickly. */
@FunctionalInterface
public interface GrowthListener {
    void on(GrowthEvent event);
}
