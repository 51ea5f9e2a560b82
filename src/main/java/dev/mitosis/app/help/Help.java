package dev.mitosis.app.help;

import dev.mitosis.app.common.AppPaths;
import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.ControllerFactory;
import dev.mitosis.app.common.FxmlFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Help for a person using the explorer: the shortcuts sheet (F1), the About dialog, and a hint pointing
 * to Grow the first time the explorer opens (remembered by a file under {@link AppPaths#home()}, like
 * the recent files). FX thread.
 */
public final class Help {

    private static final Logger LOG = LoggerFactory.getLogger(Help.class);

    private final Background background;
    private final Supplier<ControllerFactory> factory;
    private Dialog<ButtonType> shortcuts;
    private Dialog<ButtonType> about;
    private PopOver hint;

    public Help(Background background, Supplier<ControllerFactory> factory) {
        this.background = background;
        this.factory = factory;
    }

    /** The file whose presence says the first-run hint was shown. */
    public static Path hintShownMarker() {
        return AppPaths.home().resolve("first-run-hint.shown");
    }

    /** F1 opens the shortcuts sheet. */
    public void installAccelerators(Scene scene) {
        scene.getAccelerators().put(Shortcuts.HELP, () -> showShortcuts(scene.getWindow()));
    }

    public void showShortcuts(Window owner) {
        if (shortcuts == null) {
            shortcuts = dialog(owner, FxmlFile.SHORTCUTS, "Keyboard shortcuts", "mdi2k-keyboard-outline");
        }
        raise(shortcuts);
    }

    /** The About dialog, built afresh each time so that it asks the engine again (devices may have loaded). */
    public void showAbout(Window owner) {
        if (about != null) {
            about.close();
        }
        about = dialog(owner, FxmlFile.ABOUT, "About Mitosis", "mdi2i-information-outline");
        raise(about);
    }

    private Dialog<ButtonType> dialog(Window owner, FxmlFile file, String title, String icon) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(javafx.stage.Modality.NONE);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setGraphic(new FontIcon(icon));
        d.getDialogPane().setContent(factory.get().load(file).root());
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().getStyleClass().add("help-dialog");
        return d;
    }

    private static void raise(Dialog<ButtonType> d) {
        if (!d.isShowing()) {
            d.show();
        }
        ((javafx.stage.Stage) d.getDialogPane().getScene().getWindow()).toFront();
    }

    /**
     * Points to Grow with a short hint, once per user: the marker is written before the hint shows, so a
     * crash right after cannot bring it back every start.
     */
    public void showFirstRunHintOnce(Node grow) {
        Path marker = hintShownMarker();
        background.io(() -> {
            if (Files.exists(marker)) {
                return false;
            }
            try {
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, "The explorer's first-run hint was shown; delete this file to see it again.\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }, show -> {
            if (show && grow.getScene() != null && grow.getScene().getWindow() != null) {
                showHint(grow);
            }
        }, error -> LOG.warn("cannot remember the first-run hint at {}; not showing it", marker, error));
    }

    private void showHint(Node grow) {
        ControllerFactory.View<FirstRunHintController> view = factory.get().load(FxmlFile.FIRST_RUN_HINT);
        hint = new PopOver(view.root());
        hint.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        hint.setDetachable(false);
        // Not auto-hiding: a popup that hides when it loses focus can vanish before anyone has read it
        // (the main window takes the focus as it comes up). It goes with "Got it" or once Grow is used.
        hint.setAutoHide(false);
        hint.getStyleClass().add("first-run-hint");
        view.controller().onClose(hint::hide);
        // At once, not with PopOver's fade: the Grow dialog opens in the same event, and a hint still fading
        // behind it would count as showing (a timing-dependent failure of HelpTest under load).
        grow.addEventHandler(javafx.event.ActionEvent.ACTION, e -> hint.hide(javafx.util.Duration.ZERO));
        // Owned by the scene's root, not the button: the toolbar re-parents its buttons when it lays
        // them out again (the window's first resize), and a popup hides when its owner node leaves.
        javafx.geometry.Bounds at = grow.localToScreen(grow.getBoundsInLocal());
        hint.show(grow.getScene().getRoot(), at.getCenterX(), at.getMaxY());
    }

    /** The first-run hint if it is showing; for tests. */
    public boolean hintShowing() {
        return hint != null && hint.isShowing();
    }
}
