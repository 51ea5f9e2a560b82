package dev.mitosis.app.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Undo and redo over specs: a list of {@link SpecState}s and a cursor. A new edit drops the states
 * after the cursor (the usual linear history). The first state is the draft's base and is never
 * dropped, so undoing everything always gets back to the opened network. FX thread only.
 */
public final class EditHistory {

    /** How many edits are kept after the base. */
    static final int LIMIT = 200;

    private final List<SpecState> states = new ArrayList<>();
    private int cursor;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

    public EditHistory(SpecState base) {
        states.add(base);
        publish();
    }

    public void push(SpecState state) {
        states.subList(cursor + 1, states.size()).clear();
        states.add(state);
        if (states.size() > LIMIT + 1) {
            states.remove(1);
        }
        cursor = states.size() - 1;
        publish();
    }

    public boolean undo() {
        if (cursor == 0) {
            return false;
        }
        cursor--;
        publish();
        return true;
    }

    public boolean redo() {
        if (cursor == states.size() - 1) {
            return false;
        }
        cursor++;
        publish();
        return true;
    }

    public SpecState current() {
        return states.get(cursor);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void publish() {
        canUndo.set(cursor > 0);
        canRedo.set(cursor < states.size() - 1);
    }
}
