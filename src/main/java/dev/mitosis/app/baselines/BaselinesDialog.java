package dev.mitosis.app.baselines;

import dev.mitosis.app.common.FormDialog;
import dev.mitosis.app.grow.BaselineRequest;
import dev.mitosis.baseline.AutoSlimBaseline;
import dev.mitosis.baseline.UniformBaseline;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.text.Formats;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;

/**
 * The Baselines dialog: what {@code mitosis baseline uniform} (profile and width multipliers, trained
 * from scratch for the run's epoch budget), {@code baseline random} (seeds) and {@code baseline autoslim}
 * (MAC targets, supernet epochs) ask for, trained into the open run beside its grown candidates.
 */
public final class BaselinesDialog {

    /**
     * What the dialog shows of the run, read off the FX thread.
     *
     * @param epochBudget the epochs a uniform network or an AutoSlim configuration gets (the run's)
     * @param grownMacs the grown candidates' MACs: random splitting matches them, AutoSlim targets them
     * @param storedSearch the AutoSlim search the run holds, which can be continued with its settings
     */
    public record Facts(int epochBudget, List<Long> grownMacs, Optional<AutoSlimBaseline.StoredSearch> storedSearch) {
        public Facts {
            grownMacs = List.copyOf(grownMacs);
        }
    }

    private BaselinesDialog() {
    }

    public static Optional<BaselineRequest> show(Window owner, String runTitle, Facts facts,
                                                 ObservableList<String> devices) {
        int epochBudget = facts.epochBudget();
        boolean canRandom = !facts.grownMacs().isEmpty();
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
        RadioButton autoslim = new RadioButton("AutoSlim: a slimmable supernet searched for each MAC target, retrained");
        autoslim.setId("autoslimBaseline");
        autoslim.setToggleGroup(kind);
        // A stored search prefills what it was started with, so that continuing it asks for the same; exact
        // counts, because "341.7k" would round some grown candidate's 341,688 MACs up, past its budget.
        var stored = facts.storedSearch();
        TextField targets = new TextField(String.join(", ", stored.map(AutoSlimBaseline.StoredSearch::targets)
                .orElse(facts.grownMacs()).stream().map(String::valueOf).toList()));
        targets.setId("autoslimTargets");
        targets.setPromptText("e.g. 400k, 1.2M");
        TextField supernetEpochs = new TextField(Integer.toString(stored.map(st -> st.options().supernetEpochs())
                .orElse(epochBudget)));
        supernetEpochs.setId("autoslimSupernetEpochs");
        TextField groups = new TextField(Integer.toString(stored.map(st -> st.options().groups())
                .orElse(AutoSlimBaseline.Options.PUBLISHED_GROUPS)));
        groups.setId("autoslimGroups");
        CheckBox resume = new CheckBox("Continue the search stored in the run");
        resume.setId("autoslimResume");
        resume.setSelected(stored.isPresent());
        ChoiceBox<String> device = new ChoiceBox<>(devices);
        device.setId("baselineDevice");
        device.setValue(devices.isEmpty() ? "auto" : devices.get(0));
        profile.disableProperty().bind(uniform.selectedProperty().not());
        multipliers.disableProperty().bind(uniform.selectedProperty().not());
        seeds.disableProperty().bind(random.selectedProperty().not());
        targets.disableProperty().bind(autoslim.selectedProperty().not());
        supernetEpochs.disableProperty().bind(autoslim.selectedProperty().not());
        groups.disableProperty().bind(autoslim.selectedProperty().not());
        if (stored.isPresent()) {
            resume.disableProperty().bind(autoslim.selectedProperty().not());
        } else {
            resume.setDisable(true);
        }
        FormDialog form = new FormDialog()
                .line(uniform)
                .row("Profile", profile)
                .row("Width multipliers", multipliers)
                .line(hint("seed: the seed's widths × k; mbv1, mbv2: the MobileNet template at width k. Each"
                        + " trains for the run's budget of " + epochBudget + " epochs."))
                .line(random)
                .row("Seeds", seeds)
                .line(autoslim)
                .row("MAC targets", targets)
                .row("Supernet epochs", supernetEpochs)
                .row("Channel groups", groups)
                .line(resume)
                .line(hint("The supernet is the seed 1.5× as wide as the largest target needs, trained on the training"
                        + " set less a held-out tenth, which the search scores on; each configuration found then trains"
                        + " from scratch for " + epochBudget + " epochs. The search takes one of a layer's channel"
                        + " groups per step (published: 10)."))
                .row("Device", device);
        return form.show(owner, "Baselines", "Train baselines into " + runTitle, "mdi2s-scale-balance", "Run", () -> {
            DeviceChoice d = DeviceChoice.parse(device.getValue() == null ? "auto" : device.getValue());
            if (uniform.isSelected()) {
                return new BaselineRequest.Uniform(profile.getValue(), numbers("width multipliers",
                        multipliers.getText(), Double::parseDouble), d);
            }
            if (autoslim.isSelected()) {
                return new BaselineRequest.AutoSlim(numbers("MAC targets", targets.getText(), BaselinesDialog::count),
                        number("supernet epochs", supernetEpochs.getText()), number("channel groups", groups.getText()),
                        resume.isSelected(), d);
            }
            return new BaselineRequest.Random(numbers("seeds", seeds.getText(), Long::parseLong), d);
        });
    }

    private static int number(String field, String text) {
        List<Integer> n = numbers(field, text, Integer::parseInt);
        if (n.size() != 1) {
            throw new IllegalArgumentException(field + ": give one whole number");
        }
        return n.get(0);
    }

    private static long count(String text) {
        return Formats.parseCount(text).orElseThrow(() -> new NumberFormatException(text));
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
