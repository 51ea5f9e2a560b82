package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Documents;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidates table as the run's lineage: each candidate under its parent, branches as siblings. */
class CandidateTreeTest extends ExplorerTest {

    @TempDir
    static Path shared;
    static FakeRun run;

    @BeforeAll
    static void createRun() {
        run = FakeRun.withBranch(shared.resolve("run"));
    }

    @Override
    Explorer open(Stage stage) {
        GrowthBackend none = (r, s, sink, c) -> {
            throw new IllegalStateException("no growth in this test");
        };
        return ExplorerFixture.start(stage, none, () -> Documents.open(run.dir));
    }

    private static List<String> labels(TreeItem<CandidateEntry> item) {
        return item.getChildren().stream().map(c -> c.getValue().record().label()).toList();
    }

    private static TreeItem<CandidateEntry> child(TreeItem<CandidateEntry> item, String label) {
        return item.getChildren().stream().filter(c -> c.getValue().record().label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " is not under " + item.getValue()));
    }

    @Test
    void theLineageIsATreeWithBranchesAsSiblings() {
        waitUntil(30, "the run", () -> explorer.workspace().stored().size() == run.candidates.size());
        TreeTableView<CandidateEntry> tree = CandidatesTree.of(this);
        onFx(() -> {
            TreeItem<CandidateEntry> root = tree.getRoot();
            // the seed and the baseline trained from scratch at the top
            assertThat(labels(root)).containsExactly("seed-r0", "uniform-r0");
            TreeItem<CandidateEntry> r1 = child(child(root, "seed-r0"), "split-r1");
            // two candidates grown from round 1: siblings under it
            assertThat(labels(r1)).containsExactly("split-r2", "split-b2");
            // round 3 and the retrained twin under round 2
            assertThat(labels(child(r1, "split-r2"))).containsExactly("split-r3", "split-retrained-r2");
            return null;
        });
        assertThat(CandidatesTree.rows(this)).hasSize(run.candidates.size());

        // selecting a nested row selects it in the workspace, and the workspace's selection shows in the tree
        CandidateEntry branch = onFx(() -> explorer.workspace().stored().stream()
                .filter(e -> e.record().label().equals("split-b2")).findFirst().orElseThrow());
        clickOn(lookup(".tree-table-row-cell").match((TreeTableRow<CandidateEntry> r) -> branch.equals(r.getItem()))
                .queryAs(TreeTableRow.class));
        assertThat(onFx(() -> explorer.workspace().selected())).isEqualTo(branch);
        CandidateEntry seed = onFx(() -> explorer.workspace().stored().get(0));
        runFx(() -> explorer.workspace().selectedProperty().set(seed));
        assertThat(CandidatesTree.selected(this)).isEqualTo(seed);

        // sorting by accuracy sorts siblings: the branch (91.8 %) before round 2 (92.5 %)
        runFx(() -> {
            @SuppressWarnings("unchecked")
            TreeTableColumn<CandidateEntry, ?> accuracy = tree.getColumns().get(5);
            accuracy.setSortType(TreeTableColumn.SortType.ASCENDING);
            tree.getSortOrder().setAll(accuracy);
        });
        onFx(() -> {
            TreeItem<CandidateEntry> r1 = child(child(tree.getRoot(), "seed-r0"), "split-r1");
            assertThat(labels(r1)).containsExactly("split-b2", "split-r2");
            return null;
        });
        // a new row (the draft, after an edit) rebuilds the tree; the draft is at the top and selected
        assertThat(onFx(() -> explorer.workspace().edit(s -> s.withBlock(3,
                dev.mitosis.app.graph.BlockEdits.withWidth(s.spec().blocks().get(3), 24), "width")))).isEmpty();
        waitUntil(5, "the draft row", () -> explorer.workspace().draft().isPresent());
        assertThat(CandidatesTree.selected(this).draft()).isTrue();
        assertThat(onFx(() -> tree.getRoot().getChildren().stream().anyMatch(c -> c.getValue().draft()))).isTrue();
    }
}
