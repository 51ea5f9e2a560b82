package dev.mitosis.app.common;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * Short-lived notes for the status bar ("Saved eigenvalues.png"): each one shows for a few seconds.
 * FX thread.
 */
public final class StatusNotes {

    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final PauseTransition expiry = new PauseTransition(Duration.seconds(8));

    public StatusNotes() {
        expiry.setOnFinished(e -> note.set(""));
    }

    public void post(String text) {
        note.set(text);
        expiry.playFromStart();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
