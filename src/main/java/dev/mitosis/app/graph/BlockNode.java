package dev.mitosis.app.graph;

import dev.mitosis.app.graph.GraphModel.NodeInfo;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * One block of the layer graph: index and kind, width and output shape, a bar for its share of the
 * network's MACs, and a badge with the neurons split in the round shown. The fill warms from white to
 * orange with that split count ({@link #heat}). Fixed size ({@link GraphLayout#NODE_WIDTH} ×
 * {@link GraphLayout#NODE_HEIGHT}) so that the layout never depends on text.
 */
final class BlockNode extends VBox {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final Color COOL = Color.WHITE;
    private static final Color HOT = Color.web("#fb8f44");
    private static final CornerRadii RADII = new CornerRadii(8);

    private final Label index = new Label();
    private final Label title = new Label();
    private final Label activation = new Label();
    private final Label badge = new Label();
    private final Label detail = new Label();
    private final Region barFill = new Region();
    private final Label barText = new Label();
    private final Tooltip tooltip = new Tooltip();
    private NodeInfo info;

    BlockNode() {
        getStyleClass().add("block-node");
        setPrefSize(GraphLayout.NODE_WIDTH, GraphLayout.NODE_HEIGHT);
        setMinSize(GraphLayout.NODE_WIDTH, GraphLayout.NODE_HEIGHT);
        setMaxSize(GraphLayout.NODE_WIDTH, GraphLayout.NODE_HEIGHT);
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(3);
        index.getStyleClass().add("block-index");
        title.getStyleClass().add("block-title");
        activation.getStyleClass().add("block-activation");
        badge.getStyleClass().add("split-badge");
        detail.getStyleClass().add("block-detail");
        barText.getStyleClass().add("bar-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(6, index, title, spacer, activation, badge);
        top.setAlignment(Pos.CENTER_LEFT);

        Pane track = new Pane(barFill);
        track.getStyleClass().add("mac-bar");
        track.setPrefHeight(7);
        track.setMaxHeight(7);
        barFill.getStyleClass().add("mac-bar-fill");
        barFill.setLayoutY(0);
        barFill.prefHeightProperty().bind(track.heightProperty());
        HBox.setHgrow(track, Priority.ALWAYS);
        StackPane trackBox = new StackPane(track);
        trackBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(trackBox, Priority.ALWAYS);
        barText.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, trackBox, barText);
        bar.setAlignment(Pos.CENTER_LEFT);
        track.widthProperty().addListener((o, a, w) -> resizeBar());
        getChildren().addAll(top, detail, bar);

        tooltip.setShowDelay(Duration.millis(400));
        tooltip.setShowDuration(Duration.seconds(30));
        Tooltip.install(this, tooltip);
    }

    NodeInfo info() {
        return info;
    }

    void show(NodeInfo n, int maxSplit) {
        this.info = n;
        getStyleClass().removeAll("input-node", "residual", "not-splittable");
        if (n.block() < 0) {
            getStyleClass().add("input-node");
        }
        if (n.residual()) {
            getStyleClass().add("residual");
        }
        if (!n.splittable()) {
            getStyleClass().add("not-splittable");
        }
        index.setText(n.block() < 0 ? "in" : Integer.toString(n.block()));
        title.setText(n.title());
        activation.setText(n.activation());
        detail.setText(n.detail());
        badge.setText("+" + n.split());
        badge.setVisible(n.split() > 0);
        badge.setManaged(n.split() > 0);
        activation.setVisible(n.split() == 0);
        activation.setManaged(n.split() == 0);
        boolean hasMacs = n.block() >= 0 && n.macs() > 0;
        barText.setText(hasMacs ? String.format(Locale.ROOT, "%.1f %% MACs", 100 * n.macShare()) : "no MACs");
        tooltip.setText(n.tooltip());
        resizeBar();
        setBackground(new Background(new BackgroundFill(heat(n.split(), maxSplit), RADII, Insets.EMPTY)));
    }

    /** White for no split, orange for the most split block of the round, interpolated between. */
    static Color heat(int split, int maxSplit) {
        if (split <= 0 || maxSplit <= 0) {
            return COOL;
        }
        double t = 0.25 + 0.75 * Math.min(1.0, (double) split / maxSplit);
        return COOL.interpolate(HOT, t);
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    private void resizeBar() {
        Region track = (Region) barFill.getParent();
        double share = info == null ? 0 : info.macShare();
        barFill.setPrefWidth(Math.max(share > 0 ? 2 : 0, track.getWidth() * share));
        barFill.resize(barFill.getPrefWidth(), track.getHeight());
    }
}
