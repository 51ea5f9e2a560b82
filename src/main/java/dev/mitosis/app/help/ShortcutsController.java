package dev.mitosis.app.help;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The keyboard-shortcuts sheet (F1): every shortcut of {@link Shortcuts}, keys and action. */
public final class ShortcutsController {

    @FXML
    private TableView<Shortcuts.Row> shortcutsTable;
    @FXML
    private TableColumn<Shortcuts.Row, String> keysColumn;
    @FXML
    private TableColumn<Shortcuts.Row, String> actionColumn;

    @FXML
    private void initialize() {
        keysColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        shortcutsTable.setItems(FXCollections.observableArrayList(Shortcuts.rows()));
    }
}
