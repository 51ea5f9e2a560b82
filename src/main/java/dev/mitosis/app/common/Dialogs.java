package dev.mitosis.app.common;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Message boxes with the explorer's wording conventions: one line saying what and where. */
public final class Dialogs {

    private Dialogs() {
    }

    public static void error(Window owner, String header, Throwable error) {
        error(owner, header, message(error));
    }

    public static void error(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Mitosis");
        alert.setHeaderText(header);
        alert.show();
    }

    public static boolean confirm(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Mitosis");
        alert.setHeaderText(header);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }

    /** The one-line message of an error, unwrapping the wrappers that futures and tasks add. */
    public static String message(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.io.UncheckedIOException && t.getCause() != null && t.getMessage() == null)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    public static Window windowOf(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
