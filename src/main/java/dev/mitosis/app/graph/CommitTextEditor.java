package dev.mitosis.app.graph;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/**
 * A text editor for the property sheet that commits when the user presses Enter or leaves the field,
 * not on every keystroke (ControlsFX's numeric editor would turn typing "24" into two edits, "2" then
 * "24"). It hands the raw text to the item, which parses and validates it.
 */
final class CommitTextEditor extends AbstractPropertyEditor<String, TextField> {

    /** Created on first use: the super constructor asks for it before this class's fields exist. */
    private StringProperty committed;

    CommitTextEditor(PropertySheet.Item item) {
        super(item, new TextField());
        TextField field = getEditor();
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
    }

    private void commit() {
        String text = getEditor().getText();
        if (text != null && !text.equals(String.valueOf(getProperty().getValue()))) {
            committed().set(text.trim());
        }
    }

    @Override
    protected ObservableValue<String> getObservableValue() {
        return committed();
    }

    private StringProperty committed() {
        if (committed == null) {
            committed = new SimpleStringProperty();
        }
        return committed;
    }

    @Override
    public void setValue(String value) {
        getEditor().setText(value);
    }

    @Override
    public String getValue() {
        return committed().get();
    }
}
