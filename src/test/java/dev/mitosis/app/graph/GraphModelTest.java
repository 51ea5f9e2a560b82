package dev.mitosis.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphModelTest {

    private static NetworkSpec template(String name) {
        return Templates.create(name, Templates.Options.of(new FeatureShape(1, 28, 28), 10));
    }

    @Test
    void oneNodePerBlockPlusTheInputAndAChain() {
        NetworkSpec spec = template("mbv1-seed");
        GraphModel m = GraphModel.of(spec, Map.of("blocks.4.pw", 3, "blocks.6.pw", 5));
        assertThat(m.nodes()).hasSize(spec.blocks().size() + 1);
        assertThat(m.nodes().get(0).block()).isEqualTo(-1);
        assertThat(m.structure().links()).hasSize(spec.blocks().size()).noneMatch(GraphLayout.Link::skip);
        assertThat(m.maxSplit()).isEqualTo(5);
        assertThat(m.nodes().get(5).split()).isEqualTo(3);
        assertThat(m.nodes().stream().mapToDouble(GraphModel.NodeInfo::macShare).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.nodes().get(3).title()).isEqualTo("dws 3×3 /2");
    }

    @Test
    void residualBlocksGetASkipEdgeAroundThem() {
        NetworkSpec spec = template("mbv2-seed");
        GraphModel m = GraphModel.of(spec, Map.of());
        long residual = spec.topology().residual().stream().filter(r -> r).count();
        assertThat(residual).isPositive();
        assertThat(m.structure().links().stream().filter(GraphLayout.Link::skip).count()).isEqualTo(residual);
        for (GraphLayout.Link l : m.structure().links()) {
            if (l.skip()) {
                assertThat(m.nodes().get(l.from() + 1).residual()).isTrue();
                assertThat(l.to()).isEqualTo(l.from() + 2);
            }
        }
    }

    @Test
    void theLayoutPlacesNodesWithoutOverlap() {
        GraphModel m = GraphModel.of(template("mbv2-seed"), Map.of());
        GraphLayout.Result r = GraphLayout.layout(m.structure());
        assertThat(r.nodes()).hasSize(m.nodes().size());
        List<double[]> boxes = new ArrayList<>();
        for (GraphLayout.Point p : r.nodes()) {
            boxes.add(new double[] {p.x(), p.y(), p.x() + GraphLayout.NODE_WIDTH, p.y() + GraphLayout.NODE_HEIGHT});
            assertThat(p.x() + GraphLayout.NODE_WIDTH).isLessThanOrEqualTo(r.width());
            assertThat(p.y() + GraphLayout.NODE_HEIGHT).isLessThanOrEqualTo(r.height());
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                boolean overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assertThat(overlap).as("nodes %d and %d overlap", i, j).isFalse();
            }
        }
        // top to bottom: every edge goes down, or wraps to the top of a column further right
        for (GraphLayout.Link l : m.structure().links()) {
            GraphLayout.Point from = r.nodes().get(l.from());
            GraphLayout.Point to = r.nodes().get(l.to());
            assertThat(to.y() > from.y() || to.x() > from.x() + GraphLayout.NODE_WIDTH)
                    .as("edge %d → %d", l.from(), l.to()).isTrue();
        }
        // a long network is wrapped into columns rather than one tall column
        assertThat(r.width()).isGreaterThan(2 * GraphLayout.NODE_WIDTH);
        assertThat(r.routes()).allMatch(route -> route.points().size() >= 2);
    }
}
