package dev.mitosis.app.runs;

import dev.mitosis.app.common.ControllerFactory;
import dev.mitosis.app.common.FxmlFile;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Runs dialog (Open ▸ Runs…, Ctrl+R). Shown without waiting: its actions do their work in the
 * background and report in the dialog, and Open and Resume close it.
 */
public final class RunsDialog {

    private RunsDialog() {
    }

    public static Dialog<Void> show(Window owner, ControllerFactory factory) {
        ControllerFactory.View<RunsController> view = factory.load(FxmlFile.RUNS);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Runs");
        dialog.setHeaderText("Runs library");
        dialog.setGraphic(new FontIcon("mdi2b-bookshelf"));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(view.root());
        // Seven columns need this much; the theme's default dialog width clips their headers.
        dialog.getDialogPane().setPrefWidth(1000);
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        view.controller().onDone(dialog::close);
        dialog.show();
        return dialog;
    }
}
