package dev.mitosis.app.runs;

import dev.mitosis.store.RunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the runs library, read off the FX thread and immutable after.
 *
 * @param seed the seed candidate's network name, or its MACs when the name could not be read; empty
 *     for a run with no seed yet
 * @param state where the run stands; empty when the run could not be read ({@code problem} says why)
 * @param bestAccuracy the most accurate candidate's accuracy; NaN without an evaluated candidate
 * @param bestMacs that candidate's MACs; 0 without one
 */
public record RunRow(Path directory, String seed, Optional<RunState> state, int candidates, int rounds,
                     double bestAccuracy, long bestMacs, Instant lastChange, String problem) {

    public String name() {
        return directory.getFileName() == null ? directory.toString() : directory.getFileName().toString();
    }

    public boolean readable() {
        return state.isPresent();
    }

    /** Stopped, failed and crashed runs can go on after their last stored round. */
    public boolean resumable() {
        return state.filter(s -> s == RunState.STOPPED || s == RunState.FAILED || s == RunState.CRASHED).isPresent();
    }

    /** "finished", …, or "unreadable" for a run that could not be read. */
    public String stateText() {
        return state.map(RunState::id).orElse("unreadable");
    }
}
