package dev.mitosis.app.open;

import dev.mitosis.text.Formats;
import dev.mitosis.net.Activation;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * The template form: family, width multiplier (scalable templates only), input shape, classes and
 * activation, with the resulting network's size previewed live and any problem shown in one line.
 */
public final class TemplateController {

    static final String DEFAULT_ACTIVATION = "template default";

    @FXML
    private ChoiceBox<Templates.Template> template;
    @FXML
    private Label description;
    @FXML
    private Spinner<Double> width;
    @FXML
    private ComboBox<String> input;
    @FXML
    private Spinner<Integer> classes;
    @FXML
    private ChoiceBox<String> activation;
    @FXML
    private Label preview;

    @FXML
    private void initialize() {
        template.getItems().setAll(Templates.all());
        template.setConverter(new StringConverter<>() {
            @Override
            public String toString(Templates.Template t) {
                return t == null ? "" : t.name();
            }

            @Override
            public Templates.Template fromString(String s) {
                return Templates.find(s).orElse(null);
            }
        });
        width.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.25, 4.0, 1.0, 0.25));
        width.setEditable(true);
        classes.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 100_000, 10));
        classes.setEditable(true);
        input.getItems().setAll("28x28x1", "32x32x3", "224x224x3");
        input.setEditable(true);
        input.setValue("28x28x1");
        List<String> acts = new ArrayList<>();
        acts.add(DEFAULT_ACTIVATION);
        for (Activation a : Activation.values()) {
            if (!a.isLinear()) {
                acts.add(a.jsonName());
            }
        }
        activation.getItems().setAll(acts);
        activation.setValue(DEFAULT_ACTIVATION);
        template.valueProperty().addListener((o, a, t) -> {
            description.setText(t == null ? "" : t.description());
            width.setDisable(t == null || !t.scalable());
            if (t != null && !t.scalable()) {
                width.getValueFactory().setValue(1.0);
            }
            spec();
        });
        width.valueProperty().addListener((o, a, b) -> spec());
        input.valueProperty().addListener((o, a, b) -> spec());
        classes.valueProperty().addListener((o, a, b) -> spec());
        activation.valueProperty().addListener((o, a, b) -> spec());
        template.setValue(Templates.find("mbv1-seed").orElse(Templates.all().get(0)));
    }

    /** The network the form describes, or empty with the reason shown. */
    public Optional<NetworkSpec> spec() {
        try {
            Templates.Template t = template.getValue();
            if (t == null) {
                throw new IllegalArgumentException("choose a template");
            }
            String act = activation.getValue();
            Optional<Activation> a = act == null || act.equals(DEFAULT_ACTIVATION) ? Optional.empty()
                    : Optional.of(Activation.parse(act));
            NetworkSpec spec = t.create(new Templates.Options(width.getValue(), FeatureShape.parse(input.getValue()),
                    classes.getValue(), a));
            preview.getStyleClass().remove("edit-error");
            preview.setText(String.format("%s: %d blocks, %s MACs, %s params, %,d splittable neurons", spec.name(),
                    spec.blocks().size(), Formats.count(spec.macs()), Formats.count(spec.params()),
                    spec.topology().neuronCount()));
            return Optional.of(spec);
        } catch (IllegalArgumentException e) {
            if (!preview.getStyleClass().contains("edit-error")) {
                preview.getStyleClass().add("edit-error");
            }
            preview.setText(e.getMessage());
            return Optional.empty();
        }
    }

    /** Picks a template by name (tests, the benchmark). */
    public void select(String name, double widthMultiplier) {
        template.setValue(Templates.find(name).orElseThrow());
        width.getValueFactory().setValue(widthMultiplier);
    }
}
