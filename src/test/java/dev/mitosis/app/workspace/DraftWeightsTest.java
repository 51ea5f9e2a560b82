package dev.mitosis.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.NetworkSpec;
import org.junit.jupiter.api.Test;

class DraftWeightsTest {

    private final Model seed = BundledSeed.load();
    private final NetworkSpec spec = seed.spec();

    @Test
    void aWidthEditRedrawsOnlyTheLayersWhoseShapesChange() {
        SpecState edited = SpecState.of(spec).withBlock(3,
                dev.mitosis.app.graph.BlockEdits.withWidth(spec.blocks().get(3), 16), "width");
        assertThat(DraftWeights.redrawnLayers(spec, edited))
                .containsExactly("blocks.3.pw", "blocks.4.dw", "blocks.4.pw");
        Model m = DraftWeights.materialize(seed, edited, 1);
        assertThat(m.spec()).isEqualTo(edited.spec());
        assertThat(m.weights().get("blocks.2.pw.weight")).isEqualTo(seed.weights().get("blocks.2.pw.weight"));
        assertThat(m.weights().get("blocks.3.dw.weight")).isEqualTo(seed.weights().get("blocks.3.dw.weight"));
        assertThat(m.weights().get("blocks.5.pw.weight")).isEqualTo(seed.weights().get("blocks.5.pw.weight"));
        assertThat(m.weights().get("blocks.3.pw.weight").shape()).containsExactly(16, 8, 1, 1);
    }

    @Test
    void anInsertedBlockKeepsTheWeightsOfTheBlocksThatMoved() {
        int width = spec.topology().blockOutputs().get(5).channels();
        SpecState inserted = SpecState.of(spec).withInsertedBlock(6,
                new Block.DepthwiseSeparable(width, 3, 1, Activation.SWISH, Block.NO_CAP), "insert");
        assertThat(DraftWeights.redrawnLayers(spec, inserted)).containsExactly("blocks.6.dw", "blocks.6.pw");
        Model m = DraftWeights.materialize(seed, inserted, 1);
        // the old block 8 is now block 9, with its weights
        assertThat(m.weights().get("blocks.9.pw.weight")).isEqualTo(seed.weights().get("blocks.8.pw.weight"));
        assertThat(m.weights().get("blocks.16.fc.weight")).isEqualTo(seed.weights().get("blocks.15.fc.weight"));
    }

    @Test
    void aRemovedBlockShiftsTheRestBack() {
        // blocks 6 and 7 both map 24 → 24 channels at stride 1, so block 7 can go
        SpecState removed = SpecState.of(spec).withoutBlock(7, "remove");
        assertThat(DraftWeights.redrawnLayers(spec, removed)).isEmpty();
        Model m = DraftWeights.materialize(seed, removed, 1);
        assertThat(m.weights().get("blocks.7.pw.weight")).isEqualTo(seed.weights().get("blocks.8.pw.weight"));
        assertThat(m.spec().blocks()).hasSize(spec.blocks().size() - 1);
    }
}
