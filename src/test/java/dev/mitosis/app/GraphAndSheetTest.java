package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.graph.LayerGraphView;
import dev.mitosis.model.BundledSeed;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/** The layer graph and the block sheet under it, as a user reads and edits them. */
class GraphAndSheetTest extends ExplorerTest {

    private void waitForSeed() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
    }

    private LayerGraphView graph() {
        return explorer.graph().graph();
    }

    @Test
    void theFirstEditKeepsTheEditedBlockSelected() {
        waitForSeed();
        runFx(() -> graph().selectedBlockProperty().set(3));
        waitUntil(5, "the block editor", () -> lookup("#editorTitle").queryAs(Label.class).getText().startsWith("Block 3")
                && editableField() != null);
        TextField width = editableField();
        clickOn(width).eraseText(width.getText().length()).write("24").type(KeyCode.ENTER);
        waitUntil(5, "the edit", () -> explorer.workspace().selected().draft());
        assertThat(onFx(() -> graph().selectedBlockProperty().get())).isEqualTo(3);
        waitUntil(5, "the sheet to show block 3 again", () -> lookup("#editorTitle").queryAs(Label.class).getText()
                .startsWith("Block 3") && editableField() != null && editableField().getText().equals("24"));
        // the second edit, from the draft, keeps it too
        TextField again = editableField();
        clickOn(again).eraseText(again.getText().length()).write("32").type(KeyCode.ENTER);
        waitUntil(5, "the second edit", () -> explorer.workspace().selected().spec().blocks().get(3)
                .equals(BundledSeed.load().spec().withWidth(3, 32).blocks().get(3)));
        assertThat(onFx(() -> graph().selectedBlockProperty().get())).isEqualTo(3);
    }

    @Test
    void theKindFieldShowsInFull() {
        waitForSeed();
        for (int block : new int[] {0, 3, graphBlocks() - 1}) {
            runFx(() -> graph().selectedBlockProperty().set(block));
            waitUntil(5, "the sheet of block " + block, () -> lookup("#editorTitle").queryAs(Label.class).getText()
                    .startsWith("Block " + block + " ") && !kindOf(block).equals("?"));
            String kind = onFx(() -> kindOf(block));
            waitUntil(5, "the sheet of block " + block, () -> textShowing(kind) != null);
            Text text = onFx(() -> textShowing(kind));
            onFx(() -> {
                Control owner = ownerControl(text);
                Bounds shown = text.localToScene(text.getBoundsInLocal());
                Bounds box = owner.localToScene(owner.getBoundsInLocal());
                Bounds sheet = lookup("#sheet").query().localToScene(lookup("#sheet").query().getBoundsInLocal());
                assertThat(shown.getMaxX()).as("right edge of '%s' within its field", kind)
                        .isLessThanOrEqualTo(box.getMaxX() - owner.snappedRightInset() + 0.5);
                assertThat(box.getMaxX()).as("field within the sheet").isLessThanOrEqualTo(sheet.getMaxX() + 0.5);
                return null;
            });
        }
    }

    @Test
    void onOpenTheWholeNetworkIsInViewAndTheZoomButtonsStillWork() {
        waitForSeed();
        assertThat(graphBlocks()).isGreaterThanOrEqualTo(16);
        waitUntil(10, "every block in view", () -> outside(graph()).isEmpty());
        double before = onFx(() -> nodeWidthOnScreen(1));
        clickOn("#zoomInButton");
        assertThat(onFx(() -> nodeWidthOnScreen(1))).isGreaterThan(before * 1.1);
        clickOn("#fitButton");
        waitUntil(5, "fit again", () -> outside(graph()).isEmpty());
        clickOn("#zoomOutButton");
        assertThat(onFx(() -> nodeWidthOnScreen(1))).isLessThan(before);
    }

    /** The sheet's first editable text field: the width. */
    private TextField editableField() {
        return lookup(".property-sheet .text-field").queryAllAs(TextField.class).stream()
                .filter(TextField::isEditable).filter(t -> !t.isDisabled()).findFirst().orElse(null);
    }

    private int graphBlocks() {
        return onFx(() -> explorer.workspace().selected().spec().blocks().size());
    }

    private String kindOf(int block) {
        return onFx(() -> lookup("#sheet").query().lookupAll(".text").stream()
                .map(n -> ((Text) n).getText()).filter(t -> t != null && t.startsWith(
                        explorer.workspace().selected().spec().blocks().get(block).kind() + " ("))
                .findFirst().orElse("?"));
    }

    /** The text node showing exactly {@code value} in the sheet (an ellipsised label shows something else). */
    private Text textShowing(String value) {
        return lookup("#sheet").query().lookupAll(".text").stream().filter(n -> n instanceof Text t
                && value.equals(t.getText()) && t.isVisible()).map(n -> (Text) n).findFirst().orElse(null);
    }

    private static Control ownerControl(Node n) {
        Node p = n.getParent();
        while (!(p instanceof Control)) {
            p = p.getParent();
        }
        return (Control) p;
    }

    private double nodeWidthOnScreen(int index) {
        Region node = graph().nodeViews().get(index);
        return node.localToScene(node.getBoundsInLocal()).getWidth();
    }

    /** Indices of the nodes not wholly inside the graph view. */
    private static List<Integer> outside(LayerGraphView view) {
        Bounds area = view.localToScene(view.getLayoutBounds());
        List<Region> nodes = view.nodeViews();
        return java.util.stream.IntStream.range(0, nodes.size()).filter(i -> {
            Bounds b = nodes.get(i).localToScene(nodes.get(i).getBoundsInLocal());
            return b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5
                    || b.getMinY() < area.getMinY() - 0.5 || b.getMaxY() > area.getMaxY() + 0.5;
        }).boxed().toList();
    }
}
