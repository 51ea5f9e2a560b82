package dev.mitosis.app.grow;

import dev.mitosis.app.common.ControllerFactory;
import dev.mitosis.app.common.FxmlFile;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Grow dialog: the options form in a dialog whose Grow button refuses an invalid form. */
public final class GrowDialog {

    private GrowDialog() {
    }

    /**
     * What the dialog decided: the request, and whether to grow it as a branch in the open run (from the
     * selected stored candidate) rather than as a new run.
     */
    public record Choice(GrowRequest request, boolean branch) {
    }

    public static Optional<GrowRequest> show(Window owner, ControllerFactory factory, GrowRequest initial,
                                             String seedName, long seedMacs, double budget) {
        return show(owner, factory, initial, seedName, seedMacs, budget, null, null).map(Choice::request);
    }

    /**
     * @param branchOf when the seed is a stored candidate of the open run, how to name the branch option
     *     (e.g. "run r1"); null when only a new run is possible. The option is on by default: growing more
     *     of a run's candidate in that run keeps its lineage.
     * @param stored the run's stored settings, which the form shows while the branch option is on
     */
    public static Optional<Choice> show(Window owner, ControllerFactory factory, GrowRequest initial,
                                        String seedName, long seedMacs, double budget, String branchOf,
                                        GrowRequest stored) {
        ControllerFactory.View<GrowOptionsController> view = factory.load(FxmlFile.GROW_OPTIONS);
        GrowOptionsController form = view.controller();
        form.init(initial, seedName, seedMacs, budget);
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Grow");
        dialog.setHeaderText("Grow " + seedName + " by splitting neurons");
        dialog.setGraphic(new FontIcon("mdi2s-sprout"));
        ButtonType grow = new ButtonType("Grow", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(grow, ButtonType.CANCEL);
        javafx.scene.control.CheckBox branch = new javafx.scene.control.CheckBox();
        if (branchOf != null) {
            branch.setId("branchCheck");
            branch.setText("Grow more rounds in " + branchOf + ": a branch from " + seedName
                    + " with the run's stored settings (new candidates keep its lineage)");
            branch.setWrapText(true);
            branch.selectedProperty().addListener((o, was, now) -> {
                form.showSettings(now && stored != null ? stored : initial);
                form.useNewRun(!now);
            });
            branch.setSelected(true);
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(10, branch, view.root());
            dialog.getDialogPane().setContent(box);
        } else {
            dialog.getDialogPane().setContent(view.root());
        }
        // Wide enough for the hints beside the fields; the theme's default dialog width clips them.
        dialog.getDialogPane().setPrefWidth(780);
        dialog.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        // The window is sized once, when shown; an error line under the form would push the buttons out.
        // The label's wrapped height is known only after a CSS and layout pass, hence the pulse's wait.
        form.problemProperty().addListener((o, was, now) -> Platform.runLater(() -> fitHeight(dialog.getDialogPane())));
        Button ok = (Button) dialog.getDialogPane().lookupButton(grow);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (form.request().isEmpty()) {
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == grow ? form.request().map(r -> new Choice(r, branch.isSelected()))
                .orElse(null) : null);
        return dialog.showAndWait();
    }

    /** Makes the window tall enough for the pane's content, keeping the width the user gave it. */
    private static void fitHeight(DialogPane pane) {
        Window window = pane.getScene() == null ? null : pane.getScene().getWindow();
        if (window == null) {
            return;
        }
        pane.applyCss();
        pane.layout();
        // The pane itself may already be taller than the scene: the scene is what the window shows.
        double missing = pane.prefHeight(pane.getWidth()) - pane.getScene().getHeight();
        if (missing > 0) {
            window.setHeight(window.getHeight() + missing);
        }
    }
}
