package dev.mitosis.app.common;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A small form in a dialog: labelled rows, one line that says what is wrong, and an OK button that
 * refuses while the form does not validate (as the Grow dialog's does). The Baselines and Train dialogs
 * are built on it; their forms are a handful of fields, not worth an FXML file each.
 */
public final class FormDialog {

    /** Reads the form: a value, or an IllegalArgumentException whose message says what is wrong. */
    @FunctionalInterface
    public interface Reader<T> {
        T read();
    }

    private final GridPane grid = new GridPane();
    private final Label problem = new Label();
    private int rows;

    public FormDialog() {
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
    }

    /** Adds a row: its label and its field. */
    public FormDialog row(String label, Node field) {
        grid.add(new Label(label), 0, rows);
        grid.add(field, 1, rows);
        rows++;
        return this;
    }

    /** Adds a line across both columns (a hint, a choice). */
    public FormDialog line(Node node) {
        grid.add(node, 0, rows, 2, 1);
        rows++;
        return this;
    }

    /** Shows the form and waits; the value read when OK was pressed on a valid form. */
    public <T> Optional<T> show(Window owner, String title, String header, String icon, String ok, Reader<T> reader) {
        grid.add(problem, 0, rows, 2, 1);
        Dialog<T> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setGraphic(new FontIcon(icon));
        ButtonType okType = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(okType, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(620);
        dialog.setResizable(true);
        Supplier<Optional<T>> read = () -> {
            try {
                T value = reader.read();
                problem.setText("");
                return Optional.of(value);
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                return Optional.empty();
            }
        };
        Button button = (Button) dialog.getDialogPane().lookupButton(okType);
        button.addEventFilter(ActionEvent.ACTION, e -> {
            if (read.get().isEmpty()) {
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == okType ? read.get().orElse(null) : null);
        return dialog.showAndWait();
    }

    /** What is wrong with the form now ("" when nothing, or not checked yet). */
    public String problem() {
        return problem.getText();
    }
}
