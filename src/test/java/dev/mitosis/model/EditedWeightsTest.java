package dev.mitosis.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EditedWeightsTest {

    private final Model seed = BundledSeed.load();
    private final NetworkSpec spec = seed.spec();
    private final List<Integer> same = IntStream.range(0, spec.blocks().size()).boxed().toList();

    @Test
    void aWidthEditRedrawsOnlyTheLayersWhoseShapesChange() {
        NetworkSpec edited = spec.withWidth(3, 16);
        assertThat(EditedWeights.redrawnLayers(spec, edited, same))
                .containsExactly("blocks.3.pw", "blocks.4.dw", "blocks.4.pw");
        Model m = EditedWeights.materialize(seed, edited, same, 1);
        assertThat(m.spec()).isEqualTo(edited);
        assertThat(m.weights().get("blocks.2.pw.weight")).isEqualTo(seed.weights().get("blocks.2.pw.weight"));
        assertThat(m.weights().get("blocks.3.dw.weight")).isEqualTo(seed.weights().get("blocks.3.dw.weight"));
        assertThat(m.weights().get("blocks.5.pw.weight")).isEqualTo(seed.weights().get("blocks.5.pw.weight"));
        assertThat(m.weights().get("blocks.3.pw.weight").shape()).containsExactly(16, 8, 1, 1);
    }

    @Test
    void anInsertedBlockKeepsTheWeightsOfTheBlocksThatMoved() {
        int width = spec.topology().blockOutputs().get(5).channels();
        NetworkSpec inserted = spec.withInsertedBlock(6,
                new Block.DepthwiseSeparable(width, 3, 1, Activation.SWISH, Block.NO_CAP));
        List<Integer> origins = new ArrayList<>(same);
        origins.add(6, -1);
        assertThat(EditedWeights.redrawnLayers(spec, inserted, origins)).containsExactly("blocks.6.dw", "blocks.6.pw");
        Model m = EditedWeights.materialize(seed, inserted, origins, 1);
        // the old block 8 is now block 9, with its weights
        assertThat(m.weights().get("blocks.9.pw.weight")).isEqualTo(seed.weights().get("blocks.8.pw.weight"));
        assertThat(m.weights().get("blocks.16.fc.weight")).isEqualTo(seed.weights().get("blocks.15.fc.weight"));
    }

    @Test
    void aRemovedBlockShiftsTheRestBack() {
        // blocks 6 and 7 both map 24 → 24 channels at stride 1, so block 7 can go
        NetworkSpec removed = spec.withoutBlock(7);
        List<Integer> origins = new ArrayList<>(same);
        origins.remove(7);
        assertThat(EditedWeights.redrawnLayers(spec, removed, origins)).isEmpty();
        Model m = EditedWeights.materialize(seed, removed, origins, 1);
        assertThat(m.weights().get("blocks.7.pw.weight")).isEqualTo(seed.weights().get("blocks.8.pw.weight"));
        assertThat(m.spec().blocks()).hasSize(spec.blocks().size() - 1);
    }
}
