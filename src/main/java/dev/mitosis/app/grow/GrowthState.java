package dev.mitosis.app.grow;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of the Grow service, as an enum with explicit transitions (see
 * {@link GrowthMonitor#transition}):
 * <pre>
 *   IDLE ─┐
 *   FINISHED, CANCELLED, FAILED ─┴─► STARTING ─► RUNNING ─► FINISHED | FAILED
 *                                       │           │
 *                                       └───────────┴─► STOPPING ─► CANCELLED | FINISHED | FAILED
 * </pre>
 */
public enum GrowthState {
    /** Nothing has run yet. */
    IDLE,
    /** The request was accepted; the engine thread is loading data and the seed. */
    STARTING,
    /** The session runs rounds. */
    RUNNING,
    /** Stop was pressed; the session finishes its current batch and stores nothing half done. */
    STOPPING,
    FINISHED,
    CANCELLED,
    FAILED;

    private static final Set<GrowthState> TERMINAL = EnumSet.of(IDLE, FINISHED, CANCELLED, FAILED);

    /** True when a new growth may start. */
    public boolean canStart() {
        return TERMINAL.contains(this);
    }

    /** True while the engine thread works on a growth (including while it stops). */
    public boolean isActive() {
        return !TERMINAL.contains(this);
    }

    /** True when Stop means something. */
    public boolean canStop() {
        return this == STARTING || this == RUNNING;
    }

    /** Whether {@code to} may follow this state. */
    public boolean allows(GrowthState to) {
        return switch (this) {
            case IDLE, FINISHED, CANCELLED, FAILED -> to == STARTING;
            case STARTING -> to == RUNNING || to == STOPPING || to == FAILED || to == FINISHED || to == CANCELLED;
            case RUNNING -> to == STOPPING || to == FINISHED || to == FAILED || to == CANCELLED;
            case STOPPING -> to == CANCELLED || to == FINISHED || to == FAILED;
        };
    }
}
