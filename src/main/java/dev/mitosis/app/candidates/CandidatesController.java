package dev.mitosis.app.candidates;

import dev.mitosis.text.Formats;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.run.Frontier;
import dev.mitosis.app.workspace.Workspace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * The right panel: the candidates table (selection shared with the graph and the frontier), the
 * MAC-budget slider with its typed field (moving it selects the best candidate under the budget), and
 * the per-layer width comparison of the selected candidate (A) with another (B).
 */
public final class CandidatesController {

    private final Workspace workspace;
    private boolean syncing;

    @FXML
    private TableView<CandidateEntry> candidatesTable;
    @FXML
    private TableColumn<CandidateEntry, String> idColumn;
    @FXML
    private TableColumn<CandidateEntry, Number> roundColumn;
    @FXML
    private TableColumn<CandidateEntry, String> methodColumn;
    @FXML
    private TableColumn<CandidateEntry, Number> macsColumn;
    @FXML
    private TableColumn<CandidateEntry, Number> paramsColumn;
    @FXML
    private TableColumn<CandidateEntry, Number> accuracyColumn;
    @FXML
    private TableColumn<CandidateEntry, String> parentColumn;
    @FXML
    private Slider budgetSlider;
    @FXML
    private TextField budgetField;
    @FXML
    private Label budgetResult;
    @FXML
    private ComboBox<CandidateEntry> compareBox;
    @FXML
    private TableView<WidthComparison.Row> widthTable;
    @FXML
    private TableColumn<WidthComparison.Row, String> layerColumn;
    @FXML
    private TableColumn<WidthComparison.Row, Number> widthAColumn;
    @FXML
    private TableColumn<WidthComparison.Row, Number> widthBColumn;
    @FXML
    private TableColumn<WidthComparison.Row, Number> deltaColumn;
    @FXML
    private Label compareSummary;

    public CandidatesController(Workspace workspace) {
        this.workspace = workspace;
    }

    @FXML
    private void initialize() {
        setUpTable();
        setUpBudget();
        setUpComparison();
        workspace.candidates().addListener((ListChangeListener<CandidateEntry>) c -> refreshRows());
        workspace.selectedProperty().addListener((o, a, b) -> {
            selectRow(b);
            defaultComparison();
            refreshComparison();
        });
        workspace.comparedProperty().addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                compareBox.setValue(b);
                syncing = false;
            }
            refreshComparison();
        });
        workspace.budgetProperty().addListener((o, a, b) -> showBudget(b.doubleValue()));
        refreshRows();
        selectRow(workspace.selected());
        defaultComparison();
        refreshComparison();
    }

    public TableView<CandidateEntry> table() {
        return candidatesTable;
    }

    public Slider slider() {
        return budgetSlider;
    }

    public TextField budgetField() {
        return budgetField;
    }

    public TableView<WidthComparison.Row> widthTable() {
        return widthTable;
    }

    public ComboBox<CandidateEntry> compareBox() {
        return compareBox;
    }

    // --- table ------------------------------------------------------------------------------------

    private void setUpTable() {
        // Sorting by a column sorts this view, never the workspace's rows.
        SortedList<CandidateEntry> sorted = new SortedList<>(workspace.candidates());
        sorted.comparatorProperty().bind(candidatesTable.comparatorProperty());
        candidatesTable.setItems(sorted);
        idColumn.setCellValueFactory(c -> constant(c.getValue().displayId()));
        roundColumn.setCellValueFactory(c -> constant(c.getValue().record().round()));
        methodColumn.setCellValueFactory(c -> constant(c.getValue().record().method().label()));
        macsColumn.setCellValueFactory(c -> constant(c.getValue().macs()));
        paramsColumn.setCellValueFactory(c -> constant(c.getValue().record().params()));
        accuracyColumn.setCellValueFactory(c -> constant(c.getValue().accuracy()));
        parentColumn.setCellValueFactory(c -> constant(c.getValue().record().parentId() == 0 ? ""
                : "#" + c.getValue().record().parentId()));
        macsColumn.setCellFactory(col -> numberCell(n -> Formats.count(n.doubleValue())));
        paramsColumn.setCellFactory(col -> numberCell(n -> Formats.count(n.doubleValue())));
        accuracyColumn.setCellFactory(col -> numberCell(n -> Formats.percent(n.doubleValue())));
        candidatesTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CandidateEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("draft-row");
                if (!empty && item != null && item.draft()) {
                    getStyleClass().add("draft-row");
                }
            }
        });
        candidatesTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                syncing = true;
                workspace.selectedProperty().set(b);
                syncing = false;
            }
        });
        candidatesTable.setPlaceholder(new Label("No candidates: open a model or a run"));
    }

    private void refreshRows() {
        updateSliderRange();
        List<CandidateEntry> stored = workspace.stored();
        syncing = true;
        compareBox.setItems(FXCollections.observableArrayList(stored));
        compareBox.setValue(workspace.comparedProperty().get());
        syncing = false;
        selectRow(workspace.selected());
        showBudget(workspace.budgetProperty().get());
    }

    private void selectRow(CandidateEntry entry) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (entry == null) {
                candidatesTable.getSelectionModel().clearSelection();
            } else {
                int index = candidatesTable.getItems().indexOf(entry);
                if (index >= 0) {
                    candidatesTable.getSelectionModel().clearAndSelect(index);
                    candidatesTable.scrollTo(Math.max(0, index - 3));
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static <S, T> TableCell<S, T> numberCell(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    // --- budget -----------------------------------------------------------------------------------

    /**
     * The slider works on log10(MACs), so one drag covers a range from a seed to a network many times
     * its size with the same resolution everywhere.
     */
    private void setUpBudget() {
        budgetSlider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
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
                return Formats.count(Math.pow(10, v)).replace(" ", "");
            }

            @Override
            public Double fromString(String s) {
                return Formats.parseCount(s).map(c -> Math.log10(c)).orElse(0.0);
            }
        });
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

    private void updateSliderRange() {
        List<CandidateEntry> stored = workspace.stored();
        long lo = stored.stream().mapToLong(CandidateEntry::macs).min().orElse(100_000);
        long hi = stored.stream().mapToLong(CandidateEntry::macs).max().orElse(1_000_000);
        double min = Math.log10(Math.max(1, lo / 1.5));
        double max = Math.log10(Math.max(hi * 1.5, lo * 3.0));
        syncing = true;
        try {
            budgetSlider.setMin(min);
            budgetSlider.setMax(max);
            budgetSlider.setMajorTickUnit((max - min) / 4);
        } finally {
            syncing = false;
        }
    }

    private void showBudget(double macs) {
        if (!Double.isFinite(macs) || macs <= 0) {
            budgetField.setText("");
            budgetResult.setText("");
            return;
        }
        syncing = true;
        try {
            budgetSlider.setValue(Math.max(budgetSlider.getMin(), Math.min(budgetSlider.getMax(), Math.log10(macs))));
        } finally {
            syncing = false;
        }
        if (!budgetField.isFocused()) {
            budgetField.setText(Formats.count(macs));
        }
        budgetField.getStyleClass().remove("invalid");
        Optional<CandidateEntry> best = Frontier.bestUnder(workspace.stored(), (long) Math.floor(macs));
        budgetResult.setText(best.map(b -> String.format(Locale.ROOT, "Best under %s MACs: %s · %s at %s MACs",
                Formats.count(macs), b.displayId(), Formats.percent(b.accuracy()), Formats.count(b.macs())))
                .orElse("No evaluated candidate fits under " + Formats.count(macs) + " MACs"));
    }

    // --- comparison -------------------------------------------------------------------------------

    private void setUpComparison() {
        compareBox.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                workspace.comparedProperty().set(b);
                syncing = false;
                refreshComparison();
            }
        });
        layerColumn.setCellValueFactory(c -> constant(c.getValue().layer()));
        widthAColumn.setCellValueFactory(c -> constant(c.getValue().a()));
        widthBColumn.setCellValueFactory(c -> constant(c.getValue().b()));
        deltaColumn.setCellValueFactory(c -> constant(c.getValue().delta()));
        widthAColumn.setCellFactory(col -> numberCell(n -> n.intValue() < 0 ? "–" : n.toString()));
        widthBColumn.setCellFactory(col -> numberCell(n -> n.intValue() < 0 ? "–" : n.toString()));
        deltaColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("delta-up", "delta-down");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                int d = item.intValue();
                setText(d == 0 ? "0" : d > 0 ? "+" + d : "−" + (-d));
                if (d != 0) {
                    getStyleClass().add(d > 0 ? "delta-up" : "delta-down");
                }
            }
        });
        widthTable.setPlaceholder(new Label("Select a candidate to see its layer widths"));
    }

    /** B defaults to A's parent (or the first candidate), so the table shows what the last round grew. */
    private void defaultComparison() {
        CandidateEntry a = workspace.selected();
        CandidateEntry b = workspace.comparedProperty().get();
        if (a != null && (b == null || b.equals(a) || !workspace.stored().contains(b))) {
            CandidateEntry parent = workspace.parentOf(a).orElse(null);
            if (parent == null && !workspace.stored().isEmpty() && !workspace.stored().get(0).equals(a)) {
                parent = workspace.stored().get(0);
            }
            workspace.comparedProperty().set(parent);
        }
    }

    private void refreshComparison() {
        CandidateEntry a = workspace.selected();
        CandidateEntry b = workspace.comparedProperty().get();
        widthTable.setItems(FXCollections.observableArrayList(WidthComparison.rows(a, b)));
        widthAColumn.setText(a == null ? "A" : "A " + a.displayId());
        widthBColumn.setText(b == null ? "B" : "B " + b.displayId());
        if (a == null) {
            compareSummary.setText("");
        } else if (b == null) {
            compareSummary.setText("A: " + a.describe() + ". Pick B to compare.");
        } else {
            String acc = a.evaluated() && b.evaluated() ? String.format(Locale.ROOT, ", accuracy %+.2f pp",
                    100 * (a.accuracy() - b.accuracy())) : "";
            compareSummary.setText(String.format(Locale.ROOT, "A − B: MACs %s, params %s%s",
                    Formats.signedCount(a.macs() - b.macs()), Formats.signedCount(a.record().params() - b.record().params()),
                    acc));
        }
    }
}
