package dev.mitosis.app.train;

import dev.mitosis.app.common.AppPaths;
import dev.mitosis.app.common.FormDialog;
import dev.mitosis.app.grow.GrowOptionsController;
import dev.mitosis.app.grow.TrainRequest;
import dev.mitosis.data.KnownDataset;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.net.Templates;
import dev.mitosis.train.TrainConfig;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * The Train dialog: what {@code mitosis train TEMPLATE --width --epochs --data --out} asks for, with the
 * quick runs' data subset; the explorer opens the trained model when the training finishes.
 */
public final class TrainDialog {

    private TrainDialog() {
    }

    public static Optional<TrainRequest> show(Window owner, ObservableList<String> devices) {
        ChoiceBox<String> template = new ChoiceBox<>();
        template.setId("trainTemplate");
        Templates.all().forEach(t -> template.getItems().add(t.name()));
        template.setValue(template.getItems().contains("mbv1-seed") ? "mbv1-seed" : template.getItems().get(0));
        TextField width = new TextField("1");
        width.setId("trainWidth");
        TrainConfig d = TrainConfig.defaults();
        TextField epochs = new TextField(String.valueOf(d.epochs()));
        epochs.setId("trainEpochs");
        TextField lr = new TextField(String.valueOf(d.lr()));
        lr.setId("trainLearningRate");
        ComboBox<String> dataset = new ComboBox<>();
        dataset.setId("trainDataset");
        dataset.setEditable(true);
        dataset.getItems().add("sample");
        for (KnownDataset k : KnownDataset.values()) {
            dataset.getItems().add(k.id());
        }
        dataset.setValue("sample");
        TextField trainImages = new TextField("all");
        trainImages.setId("trainImages");
        TextField testImages = new TextField("all");
        testImages.setId("trainTestImages");
        ChoiceBox<String> device = new ChoiceBox<>(devices);
        device.setId("trainDevice");
        device.setValue(devices.isEmpty() ? "auto" : devices.get(0));
        TextField out = new TextField(newModelDirectory(template.getValue()).toString());
        out.setId("trainOut");
        // Fixed-width templates (the seeds) take no multiplier: the field says so by being off.
        Runnable scalable = () -> {
            boolean yes = Templates.find(template.getValue()).map(Templates.Template::scalable).orElse(false);
            width.setDisable(!yes);
            if (!yes) {
                width.setText("1");
            }
        };
        template.valueProperty().addListener((o, was, now) -> scalable.run());
        scalable.run();
        // A fresh name follows the template until the user types a directory of their own.
        template.valueProperty().addListener((o, was, now) -> {
            if (was != null && out.getText().contains(File.separator + was + "-")) {
                out.setText(newModelDirectory(now).toString());
            }
        });
        FormDialog form = new FormDialog()
                .row("Template", template)
                .row("Width multiplier", width)
                .row("Epochs", epochs)
                .row("Learning rate", lr)
                .row("Dataset (name or directory)", dataset)
                .row("Training images", trainImages)
                .row("Test images", testImages)
                .row("Device", device)
                .row("Model directory", out);
        return form.show(owner, "Train", "Train a template from scratch", "mdi2s-school", "Train", () -> {
            Path dir;
            try {
                dir = Path.of(out.getText().trim());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("model directory: " + e.getReason());
            }
            if (out.getText().isBlank()) {
                throw new IllegalArgumentException("model directory: choose where the model is written");
            }
            String[] entries = dir.toFile().list();
            if (dir.toFile().exists() && (entries == null || entries.length > 0)) {
                throw new IllegalArgumentException("model directory " + dir + " exists and is not empty; choose a new one");
            }
            String data = dataset.getEditor().getText() == null || dataset.getEditor().getText().isBlank()
                    ? dataset.getValue() : dataset.getEditor().getText().trim();
            return new TrainRequest(template.getValue(), number("width multiplier", width.getText()),
                    (int) number("epochs", epochs.getText()), number("learning rate", lr.getText()), data,
                    GrowOptionsController.images("training images", trainImages.getText()), GrowOptionsController.images("test images", testImages.getText()),
                    DeviceChoice.parse(device.getValue() == null ? "auto" : device.getValue()), dir);
        });
    }

    static Path newModelDirectory(String template) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return AppPaths.home().resolve("models").resolve(template + "-" + stamp);
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not a number");
        }
    }
}
