package dev.mitosis.app.baselines;

import dev.mitosis.app.common.FormDialog;
import dev.mitosis.app.grow.BaselineRequest;
import dev.mitosis.baseline.UniformBaseline;
import dev.mitosis.engine.DeviceChoice;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;

/**
 * The Baselines dialog: what {@code mitosis baseline uniform} (profile and width multipliers, trained
 * from scratch for the run's epoch budget) and {@code baseline random} (seeds) ask for, trained into the
 * open run beside its grown candidates.
 */
public final class BaselinesDialog {

    private BaselinesDialog() {
    }

    /**
     * @param epochBudget the epochs a uniform network gets (the run's), for the hint
     * @param canRandom whether the run has grown rounds for random splitting to match
     */
    public static Optional<BaselineRequest> show(Window owner, String runTitle, int epochBudget, boolean canRandom,
                                                 ObservableList<String> devices) {
        ToggleGroup kind = new ToggleGroup();
        RadioButton uniform = new RadioButton("Uniform widths, trained from scratch");
        uniform.setId("uniformBaseline");
        uniform.setToggleGroup(kind);
        uniform.setSelected(true);
        RadioButton random = new RadioButton("Random splitting, matched to each grown round's MACs");
        random.setId("randomBaseline");
        random.setToggleGroup(kind);
        random.setDisable(!canRandom);
        ChoiceBox<UniformBaseline.Profile> profile = new ChoiceBox<>();
        profile.setId("baselineProfile");
        profile.getItems().setAll(UniformBaseline.Profile.values());
        profile.setValue(UniformBaseline.Profile.SEED);
        TextField multipliers = new TextField("0.5, 1, 1.5, 2");
        multipliers.setId("baselineMultipliers");
        TextField seeds = new TextField("1");
        seeds.setId("baselineSeeds");
        ChoiceBox<String> device = new ChoiceBox<>(devices);
        device.setId("baselineDevice");
        device.setValue(devices.isEmpty() ? "auto" : devices.get(0));
        profile.disableProperty().bind(uniform.selectedProperty().not());
        multipliers.disableProperty().bind(uniform.selectedProperty().not());
        seeds.disableProperty().bind(random.selectedProperty().not());
        FormDialog form = new FormDialog()
                .line(uniform)
                .row("Profile", profile)
                .row("Width multipliers", multipliers)
                .line(hint("seed: the seed's widths × k; mbv1, mbv2: the MobileNet template at width k. Each"
                        + " trains for the run's budget of " + epochBudget + " epochs."))
                .line(random)
                .row("Seeds", seeds)
                .row("Device", device);
        return form.show(owner, "Baselines", "Train baselines into " + runTitle, "mdi2s-scale-balance", "Run", () -> {
            DeviceChoice d = DeviceChoice.parse(device.getValue() == null ? "auto" : device.getValue());
            if (uniform.isSelected()) {
                return new BaselineRequest.Uniform(profile.getValue(), numbers("width multipliers",
                        multipliers.getText(), Double::parseDouble), d);
            }
            return new BaselineRequest.Random(numbers("seeds", seeds.getText(), Long::parseLong), d);
        });
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(560);
        return l;
    }

    /** "0.5, 1 2" as numbers, or an IllegalArgumentException naming the field. */
    static <T> List<T> numbers(String field, String text, Function<String, T> parse) {
        try {
            return Arrays.stream(text.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).map(parse).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not a list of numbers");
        }
    }
}
