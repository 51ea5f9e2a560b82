package dev.mitosis.app.help;

import dev.mitosis.build.BuildInfo;
import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.Dialogs;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/**
 * The About dialog: Mitosis' version and commit, DJL's and PyTorch's versions and the device. The build
 * stamp is read on the I/O thread, the engine asked on the engine thread (which may load PyTorch).
 */
public final class AboutController {

    private final Background background;
    private final Supplier<EngineInfo> engine;

    @FXML
    private Label versionLabel;
    @FXML
    private Label engineLabel;
    @FXML
    private Label aboutDeviceLabel;

    public AboutController(Background background, Supplier<EngineInfo> engine) {
        this.background = background;
        this.engine = engine;
    }

    @FXML
    private void initialize() {
        versionLabel.setText("Reading the build stamp…");
        engineLabel.setText("Asking the engine…");
        aboutDeviceLabel.setText("");
        background.io(BuildInfo::read, info -> versionLabel.setText(info.describe()),
                error -> versionLabel.setText("Version unknown: " + Dialogs.message(error)));
        background.engine(engine, this::showEngine, error -> {
            engineLabel.setText("Engine unavailable: " + Dialogs.message(error));
            aboutDeviceLabel.setText("");
        });
    }

    private void showEngine(EngineInfo e) {
        engineLabel.setText("DJL " + e.djl() + " · PyTorch " + e.pytorch());
        aboutDeviceLabel.setText("Device: " + e.device() + (e.gpus() < 0 ? ""
                : e.gpus() == 0 ? " (no GPU seen; a CUDA build runs on the GPU)" : " (" + e.gpus() + " GPU(s) seen)"));
    }
}
