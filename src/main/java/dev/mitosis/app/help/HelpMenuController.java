package dev.mitosis.app.help;

import dev.mitosis.app.common.Dialogs;
import javafx.fxml.FXML;
import javafx.scene.control.MenuButton;

/** The toolbar's Help menu: the shortcuts sheet and the About dialog. */
public final class HelpMenuController {

    private final Help help;

    @FXML
    private MenuButton helpButton;

    public HelpMenuController(Help help) {
        this.help = help;
    }

    @FXML
    private void shortcuts() {
        help.showShortcuts(Dialogs.windowOf(helpButton));
    }

    @FXML
    private void about() {
        help.showAbout(Dialogs.windowOf(helpButton));
    }
}
