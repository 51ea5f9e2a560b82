package dev.mitosis.app.help;

import javafx.fxml.FXML;

/** The first-run hint's content: where to start, and a button that closes it. */
public final class FirstRunHintController {

    private Runnable close = () -> { };

    void onClose(Runnable action) {
        close = action;
    }

    @FXML
    private void gotIt() {
        close.run();
    }
}
