package dev.mitosis.app.open;

import dev.mitosis.app.common.ControllerFactory;
import dev.mitosis.app.common.FxmlFile;
import dev.mitosis.net.NetworkSpec;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** Templates dialog: a fresh (untrained) network from the template registry. */
public final class TemplateDialog {

    private TemplateDialog() {
    }

    public static Optional<NetworkSpec> show(Window owner, ControllerFactory factory) {
        ControllerFactory.View<TemplateController> view = factory.load(FxmlFile.TEMPLATE);
        Dialog<NetworkSpec> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New network from a template");
        dialog.setHeaderText("Start from a template (weights freshly initialised)");
        dialog.setGraphic(new FontIcon("mdi2s-shape-plus"));
        ButtonType create = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(view.root());
        Button ok = (Button) dialog.getDialogPane().lookupButton(create);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (view.controller().spec().isEmpty()) {
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == create ? view.controller().spec().orElse(null) : null);
        return dialog.showAndWait();
    }
}
