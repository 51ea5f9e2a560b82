package dev.mitosis.app.candidates;

import dev.mitosis.app.common.EchoGuard;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.run.Frontier;
import dev.mitosis.text.Formats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * The MAC budget: a slider and a field to type it in. Choosing a budget selects the best candidate
 * under it; the line below says which that is.
 *
 * <p>The slider works on log10(MACs), so one drag covers a range from a seed to a network many times
 * its size with the same resolution everywhere.
 */
public final class BudgetController {

    private final Workspace workspace;
    /** Around the controller's own moves of the slider (range, showing the budget): they are not the user's. */
    private final EchoGuard showing = new EchoGuard();

    @FXML
    private Slider budgetSlider;
    @FXML
    private TextField budgetField;
    @FXML
    private Label budgetResult;

    public BudgetController(Workspace workspace) {
        this.workspace = workspace;
    }

    @FXML
    private void initialize() {
        budgetSlider.valueProperty().addListener((o, a, b) -> {
            if (!showing.active()) {
                moveBudget(Math.pow(10, b.doubleValue()));
            }
        });
        budgetField.setOnAction(e -> typedBudget());
        budgetField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                typedBudget();
            }
        });
        budgetSlider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return Formats.count(Math.pow(10, v));
            }

            @Override
            public Double fromString(String s) {
                return Formats.parseCount(s).map(c -> Math.log10(c)).orElse(0.0);
            }
        });
        workspace.budgetProperty().addListener((o, a, b) -> showBudget(b.doubleValue()));
        workspace.candidates().addListener((ListChangeListener<CandidateEntry>) c -> showCandidates());
        showCandidates();
    }

    /** The user chose a budget: set it and select the best candidate under it. */
    private void moveBudget(double macs) {
        workspace.budgetProperty().set(macs);
        workspace.selectBestUnder((long) Math.floor(macs));
    }

    private void typedBudget() {
        String text = budgetField.getText();
        Optional<Long> macs = Formats.parseCount(text);
        if (macs.isEmpty()) {
            if (!text.isBlank() && !text.equals(Formats.count(workspace.budgetProperty().get()))) {
                budgetField.getStyleClass().add("invalid");
                budgetResult.setText("'" + text.trim() + "' is not a MAC count; try 400k, 1.2M or 350000");
            }
            return;
        }
        budgetField.getStyleClass().remove("invalid");
        if (Math.abs(macs.get() - workspace.budgetProperty().get()) >= 1) {
            moveBudget(macs.get());
        } else {
            showBudget(macs.get());
        }
    }

    /** The slider spans the stored candidates' MACs, with room on both sides. */
    private void showCandidates() {
        List<CandidateEntry> stored = workspace.stored();
        long lo = stored.stream().mapToLong(CandidateEntry::macs).min().orElse(100_000);
        long hi = stored.stream().mapToLong(CandidateEntry::macs).max().orElse(1_000_000);
        double min = Math.log10(Math.max(1, lo / 1.5));
        double max = Math.log10(Math.max(hi * 1.5, lo * 3.0));
        showing.run(() -> {
            budgetSlider.setMin(min);
            budgetSlider.setMax(max);
            budgetSlider.setMajorTickUnit((max - min) / 4);
        });
        showBudget(workspace.budgetProperty().get());
    }

    private void showBudget(double macs) {
        if (!Double.isFinite(macs) || macs <= 0) {
            budgetField.setText("");
            budgetResult.setText("");
            return;
        }
        showing.run(() -> budgetSlider.setValue(Math.max(budgetSlider.getMin(),
                Math.min(budgetSlider.getMax(), Math.log10(macs)))));
        if (!budgetField.isFocused()) {
            budgetField.setText(Formats.count(macs));
        }
        budgetField.getStyleClass().remove("invalid");
        Optional<CandidateEntry> best = Frontier.bestUnder(workspace.stored(), (long) Math.floor(macs));
        budgetResult.setText(best.map(b -> String.format(Locale.ROOT, "Best under %s MACs: %s · %s at %s MACs",
                Formats.count(macs), b.displayId(), Formats.percent(b.accuracy()), Formats.count(b.macs())))
                .orElse("No evaluated candidate fits under " + Formats.count(macs) + " MACs"));
    }
}
