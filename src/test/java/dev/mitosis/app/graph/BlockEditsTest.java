package dev.mitosis.app.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.net.Block;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import org.junit.jupiter.api.Test;

class BlockEditsTest {

    @Test
    void insertedBlocksFitWhereverTheyGo() {
        for (String template : new String[] {"mbv1-seed", "mbv2-seed"}) {
            NetworkSpec spec = Templates.create(template, Templates.Options.of(new FeatureShape(1, 28, 28), 10));
            for (int after = -1; after < spec.blocks().size() - 2; after++) {
                for (String kind : new String[] {"conv", "dws", "ir"}) {
                    Block b = BlockEdits.newBlockAfter(spec, after, kind).orElseThrow();
                    NetworkSpec grown = spec.withInsertedBlock(after + 1, b);
                    assertThat(grown.topology().blockOutputs().get(after + 1).height())
                            .isEqualTo(after < 0 ? spec.input().height() : spec.topology().blockOutputs().get(after).height());
                }
            }
        }
    }

    @Test
    void widthEditsRaiseACapThatWouldBeExceeded() {
        Block.DepthwiseSeparable d = new Block.DepthwiseSeparable(8, 3, 1, dev.mitosis.net.Activation.RELU, 16);
        Block wider = BlockEdits.withWidth(d, 24);
        assertThat(BlockEdits.width(wider)).isEqualTo(24);
        assertThat(BlockEdits.cap(wider)).isEqualTo(24);
        assertThat(BlockEdits.cap(BlockEdits.withWidth(new Block.Conv(8, 3, 1, dev.mitosis.net.Activation.RELU), 64)))
                .isEqualTo(Block.NO_CAP);
    }

    @Test
    void capsAndNumbersParseOrSayWhy() {
        assertThat(BlockEdits.parseCap("none")).isEqualTo(Block.NO_CAP);
        assertThat(BlockEdits.parseCap(" 128 ")).isEqualTo(128);
        assertThat(BlockEdits.capText(Block.NO_CAP)).isEqualTo("none");
        assertThatThrownBy(() -> BlockEdits.parseInt("width", "twelve"))
                .hasMessage("width: 'twelve' is not a whole number");
    }
}
