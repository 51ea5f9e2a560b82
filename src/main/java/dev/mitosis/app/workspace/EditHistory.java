package dev.mitosis.app.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

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
    private final ReadOnlyObjectWrapper<SpecState> current = new ReadOnlyObjectWrapper<>(this, "current");
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

    public SpecState base() {
        return states.get(0);
    }

    public SpecState current() {
        return current.get();
    }

    /** What the next undo would revert, e.g. "width of block 3 → 24"; empty when none. */
    public String undoDescription() {
        return cursor == 0 ? "" : states.get(cursor).description();
    }

    public String redoDescription() {
        return cursor == states.size() - 1 ? "" : states.get(cursor + 1).description();
    }

    public ReadOnlyObjectProperty<SpecState> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void publish() {
        current.set(states.get(cursor));
        canUndo.set(cursor > 0);
        canRedo.set(cursor < states.size() - 1);
    }
}
