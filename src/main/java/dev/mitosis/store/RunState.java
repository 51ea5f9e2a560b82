package dev.mitosis.store;

/**
 * Where a run stands, as the run library shows it. The store records the last state a writer set; a run
 * recorded as growing whose lock nobody holds was left by a writer that died ({@link #CRASHED}).
 */
public enum RunState {
    /** A writer holds the run now. */
    GROWING("growing"),
    /** The last session ran all its rounds (or found nothing worth splitting). */
    FINISHED("finished"),
    /** The user stopped it; the stored rounds are kept and it can be resumed. */
    STOPPED("stopped"),
    /** The last session failed with an error; it can be resumed after the last stored round. */
    FAILED("failed"),
    /** The writer died without saying so (killed, crashed, power lost); it can be resumed. */
    CRASHED("crashed");

    private final String id;

    RunState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static RunState of(String id) {
        for (RunState s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return FINISHED;
    }

    @Override
    public String toString() {
        return id;
    }
}
