package dev.mitosis.app.candidates;

import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.text.Formats;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The candidates table: every stored candidate, and the unsaved draft first in its own style. Its
 * selection is the workspace's, which the graph and the frontier share.
 */
public final class CandidateTableController {

    private final Workspace workspace;

    @FXML
    private TableView<CandidateEntry> candidatesTable;
    @FXML
    private TableColumn<CandidateEntry, String> idColumn;
    @FXML
    private TableColumn<CandidateEntry, Number> roundColumn;
    @FXML
    private TableColumn<CandidateEntry, String> methodColumn;
    @FXML
    private TableColumn<CandidateEntry, Number> macsColumn;
    @FXML
    private TableColumn<CandidateEntry, Number> paramsColumn;
    @FXML
    private TableColumn<CandidateEntry, Number> accuracyColumn;
    @FXML
    private TableColumn<CandidateEntry, String> parentColumn;

    public CandidateTableController(Workspace workspace) {
        this.workspace = workspace;
    }

    @FXML
    private void initialize() {
        // Sorting by a column sorts this view, never the workspace's rows.
        SortedList<CandidateEntry> sorted = new SortedList<>(workspace.candidates());
        sorted.comparatorProperty().bind(candidatesTable.comparatorProperty());
        candidatesTable.setItems(sorted);
        Cells.value(idColumn, CandidateEntry::displayId);
        Cells.value(roundColumn, e -> e.record().round());
        // the short stable id fits the column; the frontier's legend and tooltips spell the label out
        Cells.value(methodColumn, e -> e.record().method().id());
        Cells.value(macsColumn, CandidateEntry::macs);
        Cells.value(paramsColumn, e -> e.record().params());
        Cells.value(accuracyColumn, CandidateEntry::accuracy);
        Cells.value(parentColumn, e -> e.record().parentId() == 0 ? "" : "#" + e.record().parentId());
        Cells.text(macsColumn, n -> Formats.count(n.doubleValue()));
        Cells.text(paramsColumn, n -> Formats.count(n.doubleValue()));
        Cells.text(accuracyColumn, n -> Formats.percent(n.doubleValue()));
        candidatesTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CandidateEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("draft-row");
                if (!empty && item != null && item.draft()) {
                    getStyleClass().add("draft-row");
                }
            }
        });
        candidatesTable.setPlaceholder(new Label("No candidates: open a model or a run"));

        // Each side is written only when it differs from the other, so a selection never comes back.
        candidatesTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && !row.equals(workspace.selected())) {
                workspace.selectedProperty().set(row);
            }
        });
        workspace.selectedProperty().addListener((o, a, entry) -> {
            if (!Objects.equals(entry, candidatesTable.getSelectionModel().getSelectedItem())) {
                showSelected();
            }
        });
        workspace.candidates().addListener((ListChangeListener<CandidateEntry>) c -> showSelected());
        showSelected();
    }

    /** Selects the workspace's selection in the table and scrolls it into view. */
    private void showSelected() {
        CandidateEntry entry = workspace.selected();
        int index = entry == null ? -1 : candidatesTable.getItems().indexOf(entry);
        if (entry == null) {
            candidatesTable.getSelectionModel().clearSelection();
        } else if (index >= 0) {
            candidatesTable.getSelectionModel().clearAndSelect(index);
            candidatesTable.scrollTo(Math.max(0, index - 3));
        }
    }
}
