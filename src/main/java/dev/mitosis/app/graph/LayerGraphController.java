package dev.mitosis.app.graph;

import dev.mitosis.app.common.Background;
import dev.mitosis.text.Formats;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.net.Block;
import dev.mitosis.net.NetworkSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.controlsfx.control.PropertySheet;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The left panel: the layer graph of the selected candidate (or draft) and the block editor under it.
 * Derives everything it shows from {@link Workspace#selectedProperty()}; edits go back through
 * {@link Workspace#edit}, which validates them and keeps the undo history.
 */
public final class LayerGraphController {

    private static final Logger LOG = LoggerFactory.getLogger(LayerGraphController.class);
    private static final int LAYOUT_CACHE = 32;

    private final Workspace workspace;
    private final Background background;
    private final Map<GraphLayout.Structure, GraphLayout.Result> layouts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GraphLayout.Structure, GraphLayout.Result> eldest) {
            return size() > LAYOUT_CACHE;
        }
    };
    private BlockSheet blockSheet;
    private boolean sheetRefreshPending;
    private String shownBase;

    @FXML
    private LayerGraphView graph;
    @FXML
    private PropertySheet sheet;
    @FXML
    private Label networkTitle;
    @FXML
    private Label networkSubtitle;
    @FXML
    private Label macsLabel;
    @FXML
    private Label paramsLabel;
    @FXML
    private Label editorTitle;
    @FXML
    private Label editError;
    @FXML
    private Label editNote;
    @FXML
    private Label legendCaption;
    @FXML
    private Label legendMax;
    @FXML
    private Button zoomInButton;
    @FXML
    private Button zoomOutButton;
    @FXML
    private Button fitButton;

    public LayerGraphController(Workspace workspace, Background background) {
        this.workspace = workspace;
        this.background = background;
    }

    @FXML
    private void initialize() {
        blockSheet = new BlockSheet(sheet, this::replace, this::showProblem);
        graph.setContextMenus(this::contextMenu);
        graph.selectedBlockProperty().addListener((o, a, b) -> refreshSheetLater());
        workspace.selectedProperty().addListener((o, a, b) -> showSelected());
        editNote.textProperty().bind(workspace.editNoteProperty());
        editNote.visibleProperty().bind(workspace.editNoteProperty().isNotEmpty());
        editNote.managedProperty().bind(editNote.visibleProperty());
        showProblem(null);
        zoomInButton.setOnAction(e -> graph.zoomIn());
        zoomOutButton.setOnAction(e -> graph.zoomOut());
        fitButton.setOnAction(e -> graph.fit());
        showSelected();
    }

    /** The graph view, for tests and the main window's shortcuts. */
    public LayerGraphView graph() {
        return graph;
    }

    private void showSelected() {
        CandidateEntry entry = workspace.selected();
        if (entry == null) {
            boolean open = workspace.document() != null && !workspace.stored().isEmpty();
            boolean overBudget = open && workspace.bestUnderBudget().isEmpty();
            networkTitle.setText(overBudget ? "No candidate fits the budget" : open ? "Nothing selected" : "Nothing open");
            networkSubtitle.setText(overBudget ? "Raise the MAC budget, or pick a row of the candidates table"
                    : open ? "Pick a row of the candidates table" : "Open a model or run, or start from a template");
            graph.clear();
            shownBase = null;
            macsLabel.setText("");
            paramsLabel.setText("");
            blockSheet.show(null, -1);
            return;
        }
        NetworkSpec spec = entry.spec();
        Map<String, Integer> splits = workspace.splitCounts(entry);
        GraphModel model = GraphModel.of(spec, splits);
        // A draft counts as the network it was edited from: its first edit must not look like opening
        // another network, which would move the selection and the view away from the block being edited.
        String base = "candidate-" + (entry.draft() ? entry.record().parentId() : entry.id());
        boolean otherNetwork = !base.equals(shownBase);
        shownBase = base;
        if (graph.selectedBlockProperty().get() < 0 || otherNetwork) {
            graph.selectedBlockProperty().set(firstSplittable(spec));
        }
        graph.show(model);
        if (otherNetwork) {
            graph.requestFit();
        }
        layoutFor(model.structure());
        networkTitle.setText(spec.name() + "  ·  " + entry.displayId());
        networkSubtitle.setText(subtitle(entry));
        macsLabel.setText(Formats.count(spec.macs()) + " MACs");
        paramsLabel.setText(Formats.count(spec.params()) + " params");
        legendCaption.setText(entry.record().round() > 0 && !entry.draft()
                ? "Split in round " + entry.record().round() + ":" : "Neurons split:");
        legendMax.setText(model.maxSplit() > 0 ? Integer.toString(model.maxSplit()) : "");
        refreshSheetLater();
    }

    private static String subtitle(CandidateEntry e) {
        if (e.draft()) {
            return "unsaved edit of #" + e.record().parentId() + " · not trained";
        }
        String acc = e.evaluated() ? Formats.percent(e.accuracy()) + " accuracy" : "not evaluated";
        return e.record().method() + " · round " + e.record().round() + " · " + acc;
    }

    private static int firstSplittable(NetworkSpec spec) {
        return spec.topology().neuronLayers().stream().mapToInt(n -> n.block()).findFirst().orElse(0);
    }

    /** Lays out off the FX thread (ELK's first run loads many classes), then applies if still current. */
    private void layoutFor(GraphLayout.Structure structure) {
        GraphLayout.Result cached = layouts.get(structure);
        if (cached != null) {
            graph.applyLayout(cached);
            return;
        }
        background.io(() -> GraphLayout.layout(structure), result -> {
            layouts.put(structure, result);
            graph.applyLayout(result);
        }, error -> LOG.warn("graph layout failed; keeping the column layout", error));
    }

    private Optional<String> replace(int index, Block next, String description) {
        return workspace.edit(s -> s.withBlock(index, next, description));
    }

    private void showProblem(String message) {
        boolean show = message != null && !message.isBlank();
        editError.setText(show ? message : "");
        editError.setVisible(show);
        editError.setManaged(show);
        refreshSheetLater();
    }

    /**
     * Rebuilds the sheet once, after the current event: edits arrive from inside an editor's own
     * listener, which must not be torn down while it runs.
     */
    private void refreshSheetLater() {
        if (sheetRefreshPending) {
            return;
        }
        sheetRefreshPending = true;
        Platform.runLater(() -> {
            sheetRefreshPending = false;
            CandidateEntry e = workspace.selected();
            int block = graph.selectedBlockProperty().get();
            blockSheet.show(e == null ? null : e.spec(), block);
            if (e != null && block >= 0 && block < e.spec().blocks().size()) {
                editorTitle.setText("Block " + block + " · " + GraphModel.title(e.spec().blocks().get(block)));
            } else {
                editorTitle.setText("Select a block to edit it");
            }
        });
    }

    private ContextMenu contextMenu(int block) {
        CandidateEntry e = workspace.selected();
        if (e == null) {
            return null;
        }
        Menu before = insertMenu("Insert block before", block - 1);
        Menu after = insertMenu("Insert block after", block);
        MenuItem remove = new MenuItem("Remove block " + block, new FontIcon("mdi2d-delete-outline"));
        remove.setOnAction(a -> {
            Optional<String> refused = workspace.edit(s -> s.withoutBlock(block, "remove block " + block));
            if (refused.isEmpty()) {
                graph.selectedBlockProperty().set(Math.max(0, block - 1));
            }
            showProblem(refused.orElse(null));
        });
        return new ContextMenu(before, after, new SeparatorMenuItem(), remove);
    }

    private Menu insertMenu(String title, int after) {
        Menu menu = new Menu(title, new FontIcon("mdi2p-plus-box-outline"));
        for (String[] kind : new String[][] {{"conv", "Conv 3×3"}, {"dws", "Depthwise separable 3×3"},
                {"ir", "Inverted residual 3×3"}}) {
            MenuItem item = new MenuItem(kind[1]);
            item.setOnAction(a -> insert(after, kind[0]));
            menu.getItems().add(item);
        }
        return menu;
    }

    private void insert(int after, String kind) {
        CandidateEntry e = workspace.selected();
        Optional<Block> block = BlockEdits.newBlockAfter(e.spec(), after, kind);
        if (block.isEmpty()) {
            return;
        }
        int at = after + 1;
        Optional<String> refused = workspace.edit(s -> s.withInsertedBlock(at, block.get(),
                "insert " + kind + " block at " + at));
        if (refused.isEmpty()) {
            graph.selectedBlockProperty().set(at);
        }
        showProblem(refused.orElse(null));
    }
}
