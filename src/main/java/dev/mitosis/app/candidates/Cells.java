package dev.mitosis.app.candidates;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;

/**
 * Column set-up shared by the candidates tree and the width table: rows are immutable, so cells show
 * constants. Public for the runs library, whose table is set up the same way.
 */
public final class Cells {

    private Cells() {
    }

    public static <S, T> void value(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** Shows a column's values as {@code format} writes them; sorting still uses the values. */
    public static <S, T> void text(TableColumn<S, T> column, Function<T, String> format) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
    }

    /** As {@link #value(TableColumn, Function)} for a tree table (the hidden root has no value). */
    static <S, T> void value(TreeTableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue() == null ? null
                : value.apply(c.getValue().getValue())));
    }

    /** As {@link #text(TableColumn, Function)} for a tree table. */
    static <S, T> void text(TreeTableColumn<S, T> column, Function<T, String> format) {
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
    }
}
