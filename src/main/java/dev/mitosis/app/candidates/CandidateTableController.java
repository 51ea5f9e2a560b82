package dev.mitosis.app.candidates;

import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.run.Method;
import dev.mitosis.text.Formats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/**
 * The candidates as their lineage: a tree keyed by parent id, the seed at the root, each grown candidate
 * under the one it grew from (so two branches from one candidate are siblings), retrained twins under
 * their grown candidate, baselines from scratch at the top level, and the unsaved draft first in its own
 * style. Sorting by a column sorts the siblings of each node. Its selection is the workspace's, which the
 * graph and the frontier share.
 */
public final class CandidateTableController {

    private final Workspace workspace;
    /** The tree item of every row, for finding the workspace's selection in the tree. */
    private final Map<CandidateEntry, TreeItem<CandidateEntry>> items = new HashMap<>();

    @FXML
    private TreeTableView<CandidateEntry> candidatesTable;
    @FXML
    private TreeTableColumn<CandidateEntry, String> idColumn;
    @FXML
    private TreeTableColumn<CandidateEntry, Number> roundColumn;
    @FXML
    private TreeTableColumn<CandidateEntry, Method> methodColumn;
    @FXML
    private TreeTableColumn<CandidateEntry, Number> macsColumn;
    @FXML
    private TreeTableColumn<CandidateEntry, Number> paramsColumn;
    @FXML
    private TreeTableColumn<CandidateEntry, Number> accuracyColumn;
    @FXML
    private TreeTableColumn<CandidateEntry, String> parentColumn;

    public CandidateTableController(Workspace workspace) {
        this.workspace = workspace;
    }

    @FXML
    private void initialize() {
        Cells.value(idColumn, CandidateEntry::displayId);
        Cells.value(roundColumn, e -> e.record().round());
        // the short stable id fits the column; its tooltip, the frontier's legend and tooltips spell the label out
        Cells.value(methodColumn, e -> e.record().method());
        methodColumn.setCellFactory(c -> new javafx.scene.control.TreeTableCell<>() {
            @Override
            protected void updateItem(Method item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.id());
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.label()));
            }
        });
        Cells.value(macsColumn, CandidateEntry::macs);
        Cells.value(paramsColumn, e -> e.record().params());
        Cells.value(accuracyColumn, CandidateEntry::accuracy);
        Cells.value(parentColumn, e -> e.record().parentId() == 0 ? "" : "#" + e.record().parentId());
        Cells.text(macsColumn, n -> Formats.count(n.doubleValue()));
        Cells.text(paramsColumn, n -> Formats.count(n.doubleValue()));
        Cells.text(accuracyColumn, n -> Formats.percent(n.doubleValue()));
        candidatesTable.setTreeColumn(idColumn);
        candidatesTable.setRowFactory(t -> new TreeTableRow<>() {
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
        candidatesTable.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            CandidateEntry row = item == null ? null : item.getValue();
            if (row != null && !row.equals(workspace.selected())) {
                workspace.selectedProperty().set(row);
            }
        });
        workspace.selectedProperty().addListener((o, a, entry) -> {
            TreeItem<CandidateEntry> shown = candidatesTable.getSelectionModel().getSelectedItem();
            if (!Objects.equals(entry, shown == null ? null : shown.getValue())) {
                showSelected();
            }
        });
        workspace.candidates().addListener((ListChangeListener<CandidateEntry>) c -> {
            rebuild();
            showSelected();
        });
        rebuild();
        showSelected();
    }

    /**
     * Rows change as a whole (a document opened, a candidate stored, a draft edited), so the tree is
     * built again from them; every node stays expanded, and the column sort applies to the new tree.
     */
    private void rebuild() {
        items.clear();
        TreeItem<CandidateEntry> root = lineage(workspace.candidates(), items);
        candidatesTable.setRoot(root);
        candidatesTable.sort();
    }

    /**
     * The tree of {@code rows} under a hidden root, in row order: each stored candidate under its
     * parent when the parent is a row with a smaller id (the store gives parents smaller ids, so a
     * corrupt parent id cannot make a cycle), otherwise at the top level. The draft stays at the top,
     * where the table always showed it. {@code items} receives each row's tree item.
     */
    static TreeItem<CandidateEntry> lineage(List<CandidateEntry> rows,
                                            Map<CandidateEntry, TreeItem<CandidateEntry>> items) {
        TreeItem<CandidateEntry> root = new TreeItem<>();
        root.setExpanded(true);
        Map<Long, TreeItem<CandidateEntry>> stored = new HashMap<>();
        for (CandidateEntry row : rows) {
            TreeItem<CandidateEntry> item = new TreeItem<>(row);
            item.setExpanded(true);
            items.put(row, item);
            long parent = row.record().parentId();
            TreeItem<CandidateEntry> under = row.draft() || parent == 0 || parent >= row.id() ? null
                    : stored.get(parent);
            (under == null ? root : under).getChildren().add(item);
            if (!row.draft()) {
                stored.put(row.id(), item);
            }
        }
        return root;
    }

    /** Selects the workspace's selection in the tree and scrolls it into view. */
    private void showSelected() {
        CandidateEntry entry = workspace.selected();
        TreeItem<CandidateEntry> item = entry == null ? null : items.get(entry);
        if (entry == null) {
            candidatesTable.getSelectionModel().clearSelection();
        } else if (item != null) {
            candidatesTable.getSelectionModel().select(item);
            candidatesTable.scrollTo(Math.max(0, candidatesTable.getRow(item) - 3));
        }
    }
}
