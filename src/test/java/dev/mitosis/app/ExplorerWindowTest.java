package dev.mitosis.app;

import static dev.mitosis.app.ExplorerFixture.onFx;
import static dev.mitosis.app.ExplorerFixture.runFx;
import static dev.mitosis.app.ExplorerFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.text.Formats;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.net.NetworkSpec;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/** The window as a user meets it: the bundled seed shown, editing validated live, undo and redo. */
class ExplorerWindowTest extends ExplorerTest {

    private NetworkSpec seed() {
        return BundledSeed.load().spec();
    }

    private void waitForSeed() {
        waitUntil(30, "the bundled seed", () -> explorer.workspace().selected() != null);
    }

    @Test
    void opensWithTheBundledSeed() {
        waitForSeed();
        NetworkSpec seed = seed();
        CandidateEntry shown = onFx(() -> explorer.workspace().selected());
        assertThat(shown.spec()).isEqualTo(seed);
        assertThat(shown.accuracy()).isEqualTo(0.9012, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lookup("#macsLabel").queryAs(Label.class).getText())
                .isEqualTo(Formats.count(seed.macs()) + " MACs");
        assertThat(CandidatesTree.rows(this)).hasSize(1);
        // one node for the input and one per block
        assertThat(onFx(() -> explorer.graph().graph().nodeViews().size())).isEqualTo(seed.blocks().size() + 1);
        assertThat(lookup("#growButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(lookup("#stopButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void editingAWidthUpdatesTheMacsShown() {
        waitForSeed();
        NetworkSpec seed = seed();
        long expected = seed.withWidth(3, 24).macs();
        runFx(() -> explorer.graph().graph().selectedBlockProperty().set(3));
        waitUntil(5, "the block editor", () -> lookup(".property-sheet .text-field").queryAll().size() >= 2);
        TextField width = widthField();
        clickOn(width).eraseText(width.getText().length()).write("24").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(5, "the edit", () -> explorer.workspace().selected().draft());
        assertThat(lookup("#macsLabel").queryAs(Label.class).getText()).isEqualTo(Formats.count(expected) + " MACs");
        assertThat(onFx(() -> explorer.workspace().selected().spec().blocks().get(3)))
                .isEqualTo(seed.withWidth(3, 24).blocks().get(3));
        Label note = lookup("#editNote").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("blocks.3.pw").contains("blocks.4.dw").contains("kept");
        // the draft is a new, unsaved row; the stored seed is unchanged
        assertThat(onFx(() -> explorer.workspace().candidates().size())).isEqualTo(2);
        assertThat(onFx(() -> explorer.workspace().stored().get(0).spec())).isEqualTo(seed);

        press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(5, "undo", () -> explorer.workspace().selected().spec().equals(seed));
        assertThat(lookup("#macsLabel").queryAs(Label.class).getText()).isEqualTo(Formats.count(seed.macs()) + " MACs");
        press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Y)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(5, "redo", () -> explorer.workspace().selected().spec().macs() == expected);
    }

    @Test
    void anInvalidEditShowsTheMessageAndChangesNothing() {
        waitForSeed();
        NetworkSpec seed = seed();
        runFx(() -> explorer.graph().graph().selectedBlockProperty().set(3));
        waitUntil(5, "the block editor", () -> lookup(".property-sheet .text-field").queryAll().size() >= 2);
        TextField width = widthField();
        clickOn(width).eraseText(width.getText().length()).write("0").type(javafx.scene.input.KeyCode.ENTER);
        Label error = lookup("#editError").queryAs(Label.class);
        waitUntil(5, "the error message", error::isVisible);
        assertThat(error.getText()).isEqualTo("block 3 (dws): out width must be positive, found 0");
        assertThat(onFx(() -> explorer.workspace().selected().spec())).isEqualTo(seed);
        assertThat(onFx(() -> explorer.workspace().candidates().size())).isEqualTo(1);
        assertThat(onFx(() -> explorer.workspace().canUndoProperty().get())).isFalse();
        assertThat(lookup("#macsLabel").queryAs(Label.class).getText()).isEqualTo(Formats.count(seed.macs()) + " MACs");
        // the editor shows the real value again
        waitUntil(5, "the editor to revert", () -> widthField().getText().equals("8"));
    }

    @Test
    void opensAModelDirectoryAndRemembersIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        waitForSeed();
        NetworkSpec wider = seed().withWidth(6, 40);
        java.nio.file.Path dir = tmp.resolve("wider");
        dev.mitosis.model.ModelDirectory.write(dir, new dev.mitosis.model.Model(wider,
                dev.mitosis.weights.Initializer.initialize(wider, 3)));
        onFx(() -> explorer.main().openPath(dir)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        waitUntil(10, "the model", () -> explorer.workspace().selected().spec().equals(wider));
        assertThat(lookup("#macsLabel").queryAs(Label.class).getText()).isEqualTo(Formats.count(wider.macs()) + " MACs");
        assertThat(onFx(() -> explorer.recent().paths().get(0))).isEqualTo(dir.toAbsolutePath().normalize());
        java.nio.file.Path recentFile = dev.mitosis.app.common.AppPaths.home().resolve("recent.json");
        assertThat(java.nio.file.Files.readString(recentFile)).contains(dir.toAbsolutePath().normalize().toString());
    }

    @Test
    void aTemplateOpensAsAFreshUntrainedNetwork() {
        waitForSeed();
        clickOn("#templatesButton");
        waitUntil(10, "the template dialog", () -> lookup("#preview").tryQuery().isPresent());
        clickOn(lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Open")).queryButton());
        NetworkSpec expected = dev.mitosis.net.Templates.create("mbv1-seed",
                dev.mitosis.net.Templates.Options.of(new dev.mitosis.net.FeatureShape(1, 28, 28), 10));
        waitUntil(20, "the template", () -> explorer.workspace().selected().spec().equals(expected)
                && explorer.workspace().selected() != null && Double.isNaN(explorer.workspace().selected().accuracy()));
        assertThat(lookup("#networkSubtitle").queryAs(Label.class).getText()).contains("not evaluated");
    }

    @Test
    void theContextMenuInsertsAndRemovesBlocks() {
        waitForSeed();
        NetworkSpec seed = seed();
        runFx(() -> explorer.graph().graph().reveal(6));
        javafx.scene.Node node = onFx(() -> explorer.graph().graph().nodeViews().get(7));
        rightClickOn(node);
        clickOn("Insert block after");
        clickOn("Depthwise separable 3×3");
        waitUntil(5, "the insert", () -> explorer.workspace().selected().spec().blocks().size() == seed.blocks().size() + 1);
        NetworkSpec grown = onFx(() -> explorer.workspace().selected().spec());
        assertThat(grown.blocks().get(7)).isInstanceOf(dev.mitosis.net.Block.DepthwiseSeparable.class);
        assertThat(grown.topology().blockOutputs().get(7)).isEqualTo(seed.topology().blockOutputs().get(6));
        assertThat(onFx(() -> explorer.graph().graph().selectedBlockProperty().get())).isEqualTo(7);
        assertThat(onFx(() -> explorer.graph().graph().nodeViews().size())).isEqualTo(seed.blocks().size() + 2);
        assertThat(lookup("#editNote").queryAs(Label.class).getText()).contains("blocks.7.dw").contains("blocks.7.pw")
                .doesNotContain("blocks.8");

        // removing the classifier is refused with the validator's message
        runFx(() -> explorer.graph().graph().reveal(grown.blocks().size() - 1));
        javafx.scene.Node last = onFx(() -> explorer.graph().graph().nodeViews().get(grown.blocks().size()));
        rightClickOn(last);
        clickOn("Remove block " + (grown.blocks().size() - 1));
        Label error = lookup("#editError").queryAs(Label.class);
        waitUntil(5, "the refusal", error::isVisible);
        assertThat(error.getText()).contains("the last block must be the linear classifier");
        assertThat(onFx(() -> explorer.workspace().selected().spec())).isEqualTo(grown);
    }

    /** The sheet's first editable text field is the width. */
    private TextField widthField() {
        return lookup(".property-sheet .text-field").queryAllAs(TextField.class).stream()
                .filter(TextField::isEditable).filter(t -> !t.isDisabled()).findFirst().orElseThrow();
    }
}
