package dev.mitosis.app.graph;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the layer graph with ELK's layered algorithm (top to bottom, orthogonal edges). ELK only gives
 * coordinates; {@link LayerGraphView} draws. The layout depends on the graph's structure alone (node
 * count and edges; nodes have one fixed size), so width edits reuse it and only inserting or removing a
 * block lays out again. Pure and thread-safe: it runs off the FX thread.
 */
public final class GraphLayout {

    public static final double NODE_WIDTH = 236;
    public static final double NODE_HEIGHT = 74;
    /** Width over height of the graph panel at the default window size, the shape wrapped layouts aim for. */
    static final double PANEL_ASPECT = 0.8;

    static {
        // Registers ELK's option types (ElkReflect clone functions) and the layered algorithm's options;
        // without it the first layout fails with "Couldn't clone property".
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private GraphLayout() {
    }

    /** What is laid out: node count and edges between node indices. Equal structures share a layout. */
    public record Structure(int nodes, List<Link> links) {
        public Structure {
            links = List.copyOf(links);
        }
    }

    /** An edge; {@code skip} marks a residual connection around a block. */
    public record Link(int from, int to, boolean skip) {
    }

    /** Top-left corner of a node. */
    public record Point(double x, double y) {
    }

    /** A routed edge: its polyline from the source's border to the target's border. */
    public record Route(Link link, List<Point> points) {
        public Route {
            points = List.copyOf(points);
        }
    }

    public record Result(Structure structure, List<Point> nodes, List<Route> routes, double width, double height) {
        public Result {
            nodes = List.copyOf(nodes);
            routes = List.copyOf(routes);
        }
    }

    public static Result layout(Structure s) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(24));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 14.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 26.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 10.0);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        // A long chain is wrapped into columns side by side, shaped like the graph panel, so that fitting
        // the whole network in view keeps it large enough to read (one column of 17 blocks fits at ~25 %).
        root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
        root.setProperty(CoreOptions.ASPECT_RATIO, PANEL_ASPECT);
        List<ElkNode> nodes = new ArrayList<>();
        for (int i = 0; i < s.nodes(); i++) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(NODE_WIDTH, NODE_HEIGHT);
            nodes.add(n);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Link l : s.links()) {
            ElkEdge e = ElkGraphUtil.createSimpleEdge(nodes.get(l.from()), nodes.get(l.to()));
            if (!l.skip()) {
                e.setProperty(LayeredOptions.PRIORITY_STRAIGHTNESS, 10);
            }
            edges.add(e);
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
        List<Point> points = nodes.stream().map(n -> new Point(n.getX(), n.getY())).toList();
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            List<Point> poly = new ArrayList<>();
            for (ElkEdgeSection sec : edges.get(i).getSections()) {
                poly.add(new Point(sec.getStartX(), sec.getStartY()));
                for (ElkBendPoint b : sec.getBendPoints()) {
                    poly.add(new Point(b.getX(), b.getY()));
                }
                poly.add(new Point(sec.getEndX(), sec.getEndY()));
            }
            routes.add(new Route(s.links().get(i), poly));
        }
        return new Result(s, points, routes, root.getWidth(), root.getHeight());
    }
}
