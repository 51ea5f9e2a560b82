package dev.mitosis.app.candidates;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Column set-up shared by the candidates and width tables: rows are immutable, so cells show constants. */
final class Cells {

    private Cells() {
    }

    static <S, T> void value(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** Shows a column's values as {@code format} writes them; sorting still uses the values. */
    static <S, T> void text(TableColumn<S, T> column, Function<T, String> format) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
    }
}
