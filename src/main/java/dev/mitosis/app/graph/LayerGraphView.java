package dev.mitosis.app.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The layer graph: nodes and edges drawn in JavaFX at positions from {@link GraphLayout}, with zoom
 * (Ctrl + wheel, or {@link #zoomIn}/{@link #zoomOut}/{@link #fit}) and pan (drag, or the wheel). A click
 * selects a block ({@link #selectedBlockProperty}, −1 for none); a right click asks the context menu
 * factory for that block's menu.
 *
 * <p>{@link #show} updates the nodes at once; positions follow in {@link #applyLayout}, which callers run
 * when the (asynchronous) ELK layout for the structure is ready. Until then a plain column is used; ELK
 * wraps a long chain into columns, and the view, still fitting the whole graph, follows.
 */
public final class LayerGraphView extends Region {

    static final double MIN_ZOOM = 0.2;
    static final double MAX_ZOOM = 2.5;
    private static final double CLICK_SLOP = 4;

    private final Group edges = new Group();
    private final Group nodesLayer = new Group();
    private final Group content = new Group(edges, nodesLayer);
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final IntegerProperty selectedBlock = new SimpleIntegerProperty(this, "selectedBlock", -1);
    private final List<BlockNode> nodes = new ArrayList<>();
    private GraphModel model;
    private GraphLayout.Result layout;
    private double contentWidth;
    private double contentHeight;
    private IntFunction<ContextMenu> contextMenus = block -> null;
    private ContextMenu openMenu;
    private Point2D pressAt;
    private Point2D panAtPress;
    private boolean dragged;
    /** Fit the whole graph whenever its layout or size changes, until the user zooms or pans. */
    private boolean autoFit = true;
    private double zoom = 1;

    public LayerGraphView() {
        getStyleClass().add("layer-graph");
        content.getTransforms().addAll(pan, scale);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                moveSelection(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });
        selectedBlock.addListener((o, a, b) -> {
            for (BlockNode n : nodes) {
                n.setSelected(n.info() != null && n.info().block() == b.intValue() && b.intValue() >= 0);
            }
        });
    }

    /** Selected block index, −1 for none. */
    public IntegerProperty selectedBlockProperty() {
        return selectedBlock;
    }

    /** Supplies the menu for a right-clicked block (null for none). */
    public void setContextMenus(IntFunction<ContextMenu> factory) {
        this.contextMenus = factory;
    }

    public GraphModel model() {
        return model;
    }

    /** The nodes in model order: the input first, then one per block. For tests and lookups. */
    public List<Region> nodeViews() {
        return List.copyOf(nodes);
    }

    /** Shows a model's nodes; keeps the current layout if the structure is the same. */
    public void show(GraphModel next) {
        this.model = next;
        int n = next.nodes().size();
        while (nodes.size() < n) {
            BlockNode node = new BlockNode();
            node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> nodeClicked(node, e));
            nodes.add(node);
        }
        while (nodes.size() > n) {
            nodes.remove(nodes.size() - 1);
        }
        for (int i = 0; i < n; i++) {
            BlockNode node = nodes.get(i);
            node.show(next.nodes().get(i), next.maxSplit());
            node.setSelected(next.nodes().get(i).block() >= 0 && next.nodes().get(i).block() == selectedBlock.get());
        }
        nodesLayer.getChildren().setAll(nodes);
        if (selectedBlock.get() >= next.spec().blocks().size()) {
            selectedBlock.set(next.spec().blocks().size() - 1);
        }
        if (layout == null || !layout.structure().equals(next.structure())) {
            applyPositions(columnLayout(next.structure()));
        }
    }

    /** Shows no network: nothing is selected. */
    public void clear() {
        model = null;
        layout = null;
        nodes.clear();
        nodesLayer.getChildren().clear();
        edges.getChildren().clear();
        contentWidth = 0;
        contentHeight = 0;
    }

    /** Positions nodes and edges from a finished layout of the current model's structure. */
    public void applyLayout(GraphLayout.Result result) {
        if (model == null || !result.structure().equals(model.structure())) {
            return;
        }
        applyPositions(result);
    }

    public void zoomIn() {
        autoFit = false;
        zoomAround(zoom * 1.25, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        autoFit = false;
        zoomAround(zoom / 1.25, getWidth() / 2, getHeight() / 2);
    }

    /**
     * Zooms to show the whole graph, centred, at most at 100 % (a small network is not blown up), and
     * keeps it fitted through layout and size changes until the user zooms or pans.
     */
    public void fit() {
        autoFit = true;
        fitNow();
    }

    private void fitNow() {
        if (contentWidth <= 0 || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double z = clampZoom(Math.min(1.0, Math.min(getWidth() / contentWidth, getHeight() / contentHeight)));
        setZoom(z);
        pan.setX((getWidth() - contentWidth * z) / 2);
        pan.setY(Math.max(0, (getHeight() - contentHeight * z) / 2));
    }

    /** Scrolls so the node of {@code block} is visible. */
    public void reveal(int block) {
        for (BlockNode n : nodes) {
            if (n.info() != null && n.info().block() == block) {
                double z = zoom;
                double top = pan.getY() + n.getLayoutY() * z;
                double bottom = top + GraphLayout.NODE_HEIGHT * z;
                if (top < 0) {
                    autoFit = false;
                    pan.setY(pan.getY() - top + 8);
                } else if (bottom > getHeight()) {
                    autoFit = false;
                    pan.setY(pan.getY() - (bottom - getHeight()) - 8);
                }
            }
        }
    }

    @Override
    protected void layoutChildren() {
        if (autoFit) {
            fitNow();
        }
    }

    /** Fits the whole graph once it has a layout and a size (after opening another network). */
    public void requestFit() {
        autoFit = true;
        requestLayout();
    }

    private void applyPositions(GraphLayout.Result result) {
        this.layout = result;
        for (int i = 0; i < nodes.size() && i < result.nodes().size(); i++) {
            nodes.get(i).relocate(result.nodes().get(i).x(), result.nodes().get(i).y());
        }
        List<javafx.scene.Node> shapes = new ArrayList<>();
        for (GraphLayout.Route r : result.routes()) {
            shapes.addAll(edge(r));
        }
        edges.getChildren().setAll(shapes);
        contentWidth = result.width();
        contentHeight = result.height();
        if (autoFit) {
            requestLayout();
        }
    }

    private static List<javafx.scene.Node> edge(GraphLayout.Route r) {
        List<GraphLayout.Point> p = r.points();
        if (p.size() < 2) {
            return List.of();
        }
        Path path = new Path();
        path.getStyleClass().addAll("graph-edge", r.link().skip() ? "skip" : "chain");
        path.getElements().add(new MoveTo(p.get(0).x(), p.get(0).y()));
        GraphLayout.Point end = p.get(p.size() - 1);
        GraphLayout.Point before = p.get(p.size() - 2);
        double dx = end.x() - before.x();
        double dy = end.y() - before.y();
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        for (int i = 1; i < p.size() - 1; i++) {
            path.getElements().add(new LineTo(p.get(i).x(), p.get(i).y()));
        }
        // Stop the line at the arrow's base so the stroke does not poke through the tip.
        double arrow = 7;
        path.getElements().add(new LineTo(end.x() - ux * arrow, end.y() - uy * arrow));
        Polygon head = new Polygon(end.x(), end.y(),
                end.x() - ux * arrow - uy * arrow * 0.6, end.y() - uy * arrow + ux * arrow * 0.6,
                end.x() - ux * arrow + uy * arrow * 0.6, end.y() - uy * arrow - ux * arrow * 0.6);
        head.getStyleClass().addAll("graph-arrow", r.link().skip() ? "skip" : "chain");
        return List.of(path, head);
    }

    /** One node under another, what ELK gives a short chain; used until the real layout arrives. */
    static GraphLayout.Result columnLayout(GraphLayout.Structure s) {
        double pad = 24;
        double gap = 26;
        List<GraphLayout.Point> points = new ArrayList<>();
        for (int i = 0; i < s.nodes(); i++) {
            points.add(new GraphLayout.Point(pad, pad + i * (GraphLayout.NODE_HEIGHT + gap)));
        }
        List<GraphLayout.Route> routes = new ArrayList<>();
        double cx = pad + GraphLayout.NODE_WIDTH / 2;
        for (GraphLayout.Link l : s.links()) {
            if (!l.skip()) {
                routes.add(new GraphLayout.Route(l, List.of(
                        new GraphLayout.Point(cx, points.get(l.from()).y() + GraphLayout.NODE_HEIGHT),
                        new GraphLayout.Point(cx, points.get(l.to()).y()))));
            }
        }
        double height = 2 * pad + s.nodes() * GraphLayout.NODE_HEIGHT + Math.max(0, s.nodes() - 1) * gap;
        return new GraphLayout.Result(s, points, routes, 2 * pad + GraphLayout.NODE_WIDTH, height);
    }

    private void nodeClicked(BlockNode node, MouseEvent e) {
        if (dragged || node.info() == null) {
            return;
        }
        int block = node.info().block();
        if (block >= 0) {
            selectedBlock.set(block);
        }
        requestFocus();
        if (e.getButton() == MouseButton.SECONDARY && block >= 0) {
            if (openMenu != null) {
                openMenu.hide();
            }
            openMenu = contextMenus.apply(block);
            if (openMenu != null) {
                openMenu.show(node, e.getScreenX(), e.getScreenY());
            }
        }
        e.consume();
    }

    private void moveSelection(int step) {
        if (model == null) {
            return;
        }
        int n = model.spec().blocks().size();
        int next = selectedBlock.get() < 0 ? 0 : Math.max(0, Math.min(n - 1, selectedBlock.get() + step));
        selectedBlock.set(next);
        reveal(next);
    }

    private void pressed(MouseEvent e) {
        pressAt = new Point2D(e.getX(), e.getY());
        panAtPress = new Point2D(pan.getX(), pan.getY());
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        if (pressAt == null) {
            return;
        }
        double dx = e.getX() - pressAt.getX();
        double dy = e.getY() - pressAt.getY();
        if (!dragged && Math.hypot(dx, dy) < CLICK_SLOP) {
            return;
        }
        dragged = true;
        autoFit = false;
        setCursor(javafx.scene.Cursor.CLOSED_HAND);
        pan.setX(panAtPress.getX() + dx);
        pan.setY(panAtPress.getY() + dy);
        clampPan();
    }

    private void released(MouseEvent e) {
        setCursor(null);
        pressAt = null;
    }

    private void scrolled(ScrollEvent e) {
        autoFit = false;
        if (e.isShortcutDown() || e.isControlDown()) {
            double factor = e.getDeltaY() > 0 ? 1.1 : e.getDeltaY() < 0 ? 1 / 1.1 : 1;
            zoomAround(zoom * factor, e.getX(), e.getY());
        } else {
            pan.setX(pan.getX() + (e.isShiftDown() ? e.getDeltaY() : e.getDeltaX()));
            pan.setY(pan.getY() + (e.isShiftDown() ? 0 : e.getDeltaY()));
            clampPan();
        }
        e.consume();
    }

    /** Zooms so that the content point under ({@code px}, {@code py}) stays put. */
    private void zoomAround(double target, double px, double py) {
        double z = zoom;
        double next = clampZoom(target);
        double cx = (px - pan.getX()) / z;
        double cy = (py - pan.getY()) / z;
        setZoom(next);
        pan.setX(px - next * cx);
        pan.setY(py - next * cy);
        clampPan();
    }

    private void setZoom(double z) {
        zoom = z;
        scale.setX(z);
        scale.setY(z);
    }

    private static double clampZoom(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    /** Keeps at least a strip of the graph in view, however far it is dragged. */
    private void clampPan() {
        double z = zoom;
        double keep = 60;
        double w = contentWidth * z;
        double h = contentHeight * z;
        pan.setX(Math.max(keep - w, Math.min(getWidth() - keep, pan.getX())));
        pan.setY(Math.max(keep - h, Math.min(getHeight() - keep, pan.getY())));
    }
}
