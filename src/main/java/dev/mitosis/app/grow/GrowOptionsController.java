package dev.mitosis.app.grow;

import javafx.util.StringConverter;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig.Strategy;
import dev.mitosis.text.Formats;
import dev.mitosis.data.KnownDataset;
import dev.mitosis.grow.GrowthConfig;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;

/**
 * The Grow dialog's form: rounds, how neurons are chosen (quantile, energy-aware, toward a MAC
 * target), grow fraction, signed splitting, fine-tuning, probe, device, dataset and run directory.
 * {@link #request()} validates everything and says what is wrong in one line.
 */
public final class GrowOptionsController {

    static final String SAMPLE = "sample";
    static final String DIRECTORY = "directory…";

    private final GrowOptions options;

    @FXML
    private Spinner<Integer> rounds;
    @FXML
    private ChoiceBox<Strategy> selection;
    @FXML
    private Spinner<Double> growFraction;
    @FXML
    private TextField macTarget;
    @FXML
    private CheckBox signed;
    @FXML
    private Spinner<Integer> epochs;
    @FXML
    private TextField learningRate;
    @FXML
    private Spinner<Integer> probePasses;
    @FXML
    private ChoiceBox<String> device;
    @FXML
    private ChoiceBox<String> dataset;
    @FXML
    private TextField dataPath;
    @FXML
    private Button browseData;
    @FXML
    private TextField trainImages;
    @FXML
    private TextField testImages;
    @FXML
    private TextField runDirectory;
    @FXML
    private Button browseRun;
    @FXML
    private Label seedInfo;
    @FXML
    private Label problem;
    private GrowRequest initial;
    private long seedMacs;
    private double budget;
    /** False while the growth is a branch in the open run: the run directory is then not asked for. */
    private boolean newRun = true;
    private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper(this, "problem", "");
    /** Held here so the weak listener on the shared device list lives as long as this form. */
    private final ListChangeListener<String> devicesChanged = c -> showDevices();

    public GrowOptionsController(GrowOptions options) {
        this.options = options;
    }

    @FXML
    private void initialize() {
        rounds.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, 3));
        growFraction.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 1.0, 0.3, 0.05));
        epochs.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 200, 3));
        probePasses.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 20,
                GrowthConfig.defaults().probePasses()));
        for (Spinner<?> s : List.of(rounds, growFraction, epochs, probePasses)) {
            s.setEditable(true);
        }
        selection.getItems().setAll(Strategy.values());
        selection.setConverter(new StringConverter<>() {
            @Override
            public String toString(Strategy s) {
                return s == null ? "" : label(s);
            }

            @Override
            public Strategy fromString(String text) {
                return selection.getItems().stream().filter(s -> label(s).equals(text)).findFirst().orElse(null);
            }
        });
        selection.valueProperty().addListener((o, a, b) -> {
            macTarget.setDisable(b != Strategy.MAC_TARGET);
            growFraction.setDisable(b == Strategy.MAC_TARGET);
        });
        // A copy, not the shared list: replacing the ChoiceBox's own items would clear its value, and the
        // engine reports its devices whenever it is ready, possibly while this dialog is open.
        options.devices().addListener(new WeakListChangeListener<>(devicesChanged));
        showDevices();
        List<String> sets = new ArrayList<>();
        sets.add(SAMPLE);
        for (KnownDataset k : KnownDataset.values()) {
            sets.add(k.id());
        }
        sets.add(DIRECTORY);
        dataset.getItems().setAll(sets);
        dataset.valueProperty().addListener((o, a, b) -> {
            dataPath.setDisable(!DIRECTORY.equals(b));
            browseData.setDisable(!DIRECTORY.equals(b));
        });
        browseData.setOnAction(e -> chooseDirectory(dataPath, "Dataset directory"));
        showProblem(null);
        // Once an error is shown, every edit checks again, so the error goes as soon as the input is valid.
        List<javafx.beans.Observable> inputs = new ArrayList<>(List.of(selection.valueProperty(),
                macTarget.textProperty(), signed.selectedProperty(), learningRate.textProperty(),
                device.valueProperty(), dataset.valueProperty(), dataPath.textProperty(), trainImages.textProperty(),
                testImages.textProperty(), runDirectory.textProperty()));
        for (Spinner<?> s : List.of(rounds, growFraction, epochs, probePasses)) {
            inputs.add(s.getEditor().textProperty());
        }
        inputs.forEach(in -> in.addListener(o -> {
            if (!problemText.get().isEmpty()) {
                request();
            }
        }));
    }

    /** Fills the form. {@code seedMacs} and {@code budget} suggest a MAC target. */
    public void init(GrowRequest r, String seedName, long seedMacs, double budget) {
        this.initial = r;
        this.seedMacs = seedMacs;
        this.budget = budget;
        rounds.getValueFactory().setValue(r.rounds());
        device.setValue(options.devices().contains(r.device().toString()) ? r.device().toString() : "auto");
        showSettings(r);
        seedInfo.setText("Grows " + seedName + " (" + Formats.count(seedMacs) + " MACs). Every round stores a candidate"
                + " in the run directory; Stop keeps the rounds already stored.");
    }

    /**
     * Shows {@code r}'s settings in every field but the rounds and the device, which stay as the user set
     * them: a branch shows the run's stored settings it will grow with, a new run the dialog's own.
     */
    public void showSettings(GrowRequest r) {
        selection.setValue(r.strategy());
        growFraction.getValueFactory().setValue(r.growFraction());
        long target = r.macTarget().isPresent() ? r.macTarget().getAsLong()
                : Double.isFinite(budget) && budget > seedMacs * 1.05 ? (long) budget : 2 * seedMacs;
        macTarget.setText(Formats.count(target));
        macTarget.setDisable(r.strategy() != Strategy.MAC_TARGET);
        signed.setSelected(r.signed());
        epochs.getValueFactory().setValue(r.fineTuneEpochs());
        learningRate.setText(Double.toString(r.learningRate()));
        probePasses.getValueFactory().setValue(Math.max(1, r.probePasses()));
        boolean named = dataset.getItems().contains(r.dataset()) && !DIRECTORY.equals(r.dataset());
        dataset.setValue(named ? r.dataset() : DIRECTORY);
        dataPath.setText(named ? "" : r.dataset());
        trainImages.setText(r.trainImages() == 0 ? "all" : Integer.toString(r.trainImages()));
        testImages.setText(r.testImages() == 0 ? "all" : Integer.toString(r.testImages()));
        runDirectory.setText(r.runDirectory().toString());
    }

    /** The devices the engine reported so far, keeping the one chosen ("auto" when it is gone). */
    private void showDevices() {
        String chosen = device.getValue();
        device.getItems().setAll(options.devices());
        device.setValue(chosen != null && device.getItems().contains(chosen) ? chosen : "auto");
    }

    @FXML
    private void browseRunDirectory() {
        chooseDirectory(runDirectory, "Parent directory for the run");
    }

    /** How the dialog names a strategy. */
    static String label(Strategy s) {
        return switch (s) {
            case QUANTILE -> "Quantile (lowest λ first)";
            case ENERGY_AWARE -> "Energy-aware (λ per MAC, LP)";
            case MAC_TARGET -> "Grow to a MAC target";
        };
    }

    /** The device chosen; "auto" while the list of devices is still being detected. */
    private DeviceChoice device() {
        String chosen = device.getValue();
        return chosen == null ? DeviceChoice.AUTO : DeviceChoice.parse(chosen);
    }

    /**
     * Whether the growth creates a new run (the default) or grows in the open one (a branch). A branch
     * grows with the run's stored settings, data and directory, as {@code grow --resume --from} does
     * (which refuses any other setting): only the rounds and the device stay open.
     */
    public void useNewRun(boolean yes) {
        newRun = yes;
        for (javafx.scene.Node n : List.of(selection, growFraction, macTarget, signed, epochs, learningRate,
                probePasses, runDirectory, browseRun, dataset, dataPath, browseData, trainImages, testImages)) {
            n.setDisable(!yes);
        }
        if (yes) {
            // The MAC target and the data path have their own rules for when they are on.
            macTarget.setDisable(selection.getValue() != Strategy.MAC_TARGET);
            dataPath.setDisable(!DIRECTORY.equals(dataset.getValue()));
            browseData.setDisable(!DIRECTORY.equals(dataset.getValue()));
        }
    }

    /** The request, or empty with the reason shown in the form. */
    public Optional<GrowRequest> request() {
        try {
            Strategy sel = selection.getValue();
            OptionalLong target = OptionalLong.empty();
            if (sel == Strategy.MAC_TARGET) {
                target = OptionalLong.of(Formats.parseCount(macTarget.getText()).orElseThrow(() ->
                        new IllegalArgumentException("MAC target: '" + macTarget.getText().trim()
                                + "' is not a count (try 600k or 1.2M)")));
            }
            double lr;
            try {
                lr = Double.parseDouble(learningRate.getText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("learning rate: '" + learningRate.getText().trim() + "' is not a number");
            }
            String data = DIRECTORY.equals(dataset.getValue()) ? dataPath.getText().trim() : dataset.getValue();
            if (data == null || data.isBlank()) {
                throw new IllegalArgumentException("dataset: choose a directory with the images");
            }
            Path run;
            try {
                run = Path.of(runDirectory.getText().trim());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("run directory: " + e.getReason());
            }
            if (runDirectory.getText().isBlank()) {
                throw new IllegalArgumentException("run directory: choose where the run is stored");
            }
            if (newRun && run.toFile().exists() && run.toFile().list() != null && run.toFile().list().length > 0) {
                throw new IllegalArgumentException("run directory " + run + " exists and is not empty; choose a new one");
            }
            GrowRequest r = new GrowRequest(rounds.getValue(), sel, growFraction.getValue(), target, signed.isSelected(),
                    epochs.getValue(), lr, probePasses.getValue(), initial.probeImages(), device(), data,
                    images("training images", trainImages.getText()), images("test images", testImages.getText()), run,
                    initial.seed());
            showProblem(null);
            return Optional.of(r);
        } catch (IllegalArgumentException e) {
            showProblem(e.getMessage());
            return Optional.empty();
        }
    }

    /** An image count field: a count ("400", "1.2k"), or empty or "all" for 0, meaning all images. */
    public static int images(String field, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("all")) {
            return 0;
        }
        return Formats.parseCount(t).map(Math::toIntExact).orElseThrow(() -> new IllegalArgumentException(
                field + ": '" + text.trim() + "' is not a count (or 'all')"));
    }

    /** What is wrong with the form, "" when nothing is (or it has not been checked yet). */
    public ReadOnlyStringProperty problemProperty() {
        return problemText.getReadOnlyProperty();
    }

    private void showProblem(String message) {
        // The line stays in the layout, so that the dialog is sized with room for a one-line error from
        // the start: not every window manager lets a shown window grow.
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
        // Last, so that listeners see the form as it now is.
        problemText.set(problem.getText());
    }

    private void chooseDirectory(TextField target, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File dir = chooser.showDialog(target.getScene().getWindow());
        if (dir != null) {
            target.setText(target == runDirectory
                    ? dir.toPath().resolve(Path.of(runDirectory.getText()).getFileName().toString()).toString()
                    : dir.toString());
        }
    }
}
