package dev.mitosis.app.workspace;

import dev.mitosis.run.Frontier;
import dev.mitosis.run.Method;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.net.NetworkSpec;

/**
 * One row of the candidates table: a stored candidate (or the unsaved draft) with its architecture.
 * Immutable; views read it, never change it.
 *
 * @param draft true for the one unsaved edit, which has no accuracy yet and id 0
 */
public record CandidateEntry(CandidateRecord record, NetworkSpec spec, boolean draft) implements Frontier.Point {

    public long id() {
        return record.id();
    }

    public long macs() {
        return record.macs();
    }

    public double accuracy() {
        return record.accuracy();
    }

    /** True when the candidate has a test accuracy, i.e. can sit on the frontier. */
    @Override
    public boolean evaluated() {
        return !draft && !Double.isNaN(record.accuracy());
    }

    /** "#4", or "edit" for the draft. */
    public String displayId() {
        return draft ? Method.EDIT.id() : "#" + record.id();
    }

    /** A short description for lists: "#4 split r2 · 91.23 %". */
    public String describe() {
        String acc = Double.isNaN(record.accuracy()) ? "" : String.format(java.util.Locale.ROOT, " · %.2f %%",
                100 * record.accuracy());
        if (draft) {
            return "edit of #" + record.parentId() + " (unsaved)";
        }
        return displayId() + " " + record.method().id() + " r" + record.round() + acc;
    }

    @Override
    public String toString() {
        return describe();
    }
}
