package dev.mitosis.app.graph;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * A read-only row of the property sheet (kind, output shape, MACs) shown as wrapping text: a disabled
 * text field, ControlsFX's default, cuts a long value off at the field's width and greys it as if it
 * were unavailable.
 */
final class InfoEditor implements PropertyEditor<Object> {

    private final Label label = new Label();

    InfoEditor() {
        label.getStyleClass().add("sheet-info");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    public Label getEditor() {
        return label;
    }

    @Override
    public Object getValue() {
        return label.getText();
    }

    @Override
    public void setValue(Object value) {
        label.setText(value == null ? "" : value.toString());
    }
}
