package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;

import dev.mitosis.app.workspace.CandidateEntry;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.testfx.api.FxRobot;

/** Reads the candidates tree (#candidatesTable) for the UI tests: its rows, their nesting and the selection. */
final class CandidatesTree {

    private CandidatesTree() {
    }

    @SuppressWarnings("unchecked")
    static TreeTableView<CandidateEntry> of(FxRobot robot) {
        return robot.lookup("#candidatesTable").queryAs(TreeTableView.class);
    }

    /** Every row shown, in display order (every node is expanded). */
    static List<CandidateEntry> rows(FxRobot robot) {
        TreeTableView<CandidateEntry> tree = of(robot);
        return onFx(() -> {
            List<CandidateEntry> out = new ArrayList<>();
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                out.add(tree.getTreeItem(i).getValue());
            }
            return out;
        });
    }

    /** The selected row, or null. */
    static CandidateEntry selected(FxRobot robot) {
        TreeTableView<CandidateEntry> tree = of(robot);
        return onFx(() -> {
            TreeItem<CandidateEntry> item = tree.getSelectionModel().getSelectedItem();
            return item == null ? null : item.getValue();
        });
    }
}
