package dev.mitosis.app.charts;

import dev.mitosis.app.grow.NeuronFrame;
import dev.mitosis.run.LayerSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionBoundaryTest {

    private static NeuronFrame frame(String strategy) {
        return new NeuronFrame("t", strategy, List.of(
                new LayerSnapshot("a", new double[] {-0.5, -0.1, 0.2}, new double[0], 100, new boolean[] {true, false, false}),
                new LayerSnapshot("b", new double[] {-0.3, -0.25}, new double[0], 1000, new boolean[] {true, true})));
    }

    @Test
    void aQuantileSelectionIsAThresholdOnLambda() {
        SelectionBoundary b = SelectionBoundary.of(frame("quantile(grow 0.3)")).orElseThrow();
        assertThat(b.ray()).isFalse();
        assertThat(b.level()).isEqualTo(-0.25);
        assertThat(b.lambdaAt(5)).isEqualTo(-0.25);
    }

    @Test
    void aCostAwareSelectionIsARayOfLambdaPerMac() {
        SelectionBoundary b = SelectionBoundary.of(frame("energy-aware(macs, grow 0.3)")).orElseThrow();
        assertThat(b.ray()).isTrue();
        // selected ratios: -0.005, -0.0003, -0.00025 → the largest is the boundary
        assertThat(b.slope()).isEqualTo(-0.00025);
        assertThat(b.lambdaAt(2000)).isEqualTo(-0.5);
    }

    @Test
    void noSelectionNoBoundary() {
        NeuronFrame live = new NeuronFrame("t", "", List.of(
                LayerSnapshot.live("a", new double[] {-0.5}, -1)));
        assertThat(SelectionBoundary.of(live)).isEmpty();
        assertThat(SelectionBoundary.of(null)).isEmpty();
    }
}
