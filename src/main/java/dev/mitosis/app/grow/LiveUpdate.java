package dev.mitosis.app.grow;

import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.grow.GrowthEvent;

/**
 * What travels from the engine thread to the FX thread during a growth, through one
 * {@link dev.mitosis.app.common.FxBatcher}: the session's own events, plus what the sink prepares for
 * the views on the engine thread (the run's document, each stored candidate with its spec already
 * read), plus the end of the task. All immutable.
 */
sealed interface LiveUpdate {

    record Event(GrowthEvent event) implements LiveUpdate {
    }

    record RunOpened(RunDocument document) implements LiveUpdate {
    }

    record Stored(CandidateEntry entry) implements LiveUpdate {
    }

    /** The backend returned (or threw); always the last update of a growth. */
    record Ended(GrowthState outcome, String message) implements LiveUpdate {
    }
}
