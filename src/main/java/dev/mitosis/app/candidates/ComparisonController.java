package dev.mitosis.app.candidates;

import dev.mitosis.app.common.EchoGuard;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.text.Formats;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The per-layer width comparison of the selected candidate (A) with another (B, the workspace's
 * compared candidate, which the user picks here), and a line with their differences in MACs, params and
 * accuracy.
 */
public final class ComparisonController {

    private final Workspace workspace;
    /** Around the controller's own changes to the choice box: refilling it resets its value on the way. */
    private final EchoGuard showing = new EchoGuard();

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

    public ComparisonController(Workspace workspace) {
        this.workspace = workspace;
    }

    @FXML
    private void initialize() {
        compareBox.valueProperty().addListener((o, a, b) -> {
            if (!showing.active()) {
                workspace.comparedProperty().set(b);
            }
        });
        Cells.value(layerColumn, WidthComparison.Row::layer);
        Cells.value(widthAColumn, WidthComparison.Row::a);
        Cells.value(widthBColumn, WidthComparison.Row::b);
        Cells.value(deltaColumn, WidthComparison.Row::delta);
        Cells.text(widthAColumn, n -> n.intValue() < 0 ? "–" : n.toString());
        Cells.text(widthBColumn, n -> n.intValue() < 0 ? "–" : n.toString());
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
        workspace.candidates().addListener((ListChangeListener<CandidateEntry>) c -> showChoices());
        workspace.selectedProperty().addListener((o, a, b) -> showComparison());
        workspace.comparedProperty().addListener((o, a, b) -> {
            showing.run(() -> compareBox.setValue(b));
            showComparison();
        });
        showChoices();
        showComparison();
    }

    /** B can be any stored candidate. */
    private void showChoices() {
        showing.run(() -> {
            compareBox.setItems(FXCollections.observableArrayList(workspace.stored()));
            compareBox.setValue(workspace.comparedProperty().get());
        });
    }

    private void showComparison() {
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
