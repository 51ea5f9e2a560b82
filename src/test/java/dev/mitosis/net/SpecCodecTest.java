package dev.mitosis.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.io.BadInputException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecCodecTest {

    static Stream<NetworkSpec> everyTemplateAtEveryInput() {
        return Templates.all().stream().flatMap(t -> Stream.of("28x28x1", "32x32x3", "224x224x3")
                .map(in -> t.create(new Templates.Options(1.0, FeatureShape.parse(in), 10, Optional.empty()))));
    }

    @ParameterizedTest
    @MethodSource("everyTemplateAtEveryInput")
    void jsonRoundTripIsExact(NetworkSpec spec) {
        String json = SpecCodec.write(spec);
        NetworkSpec back = SpecCodec.parse(json, "test");
        assertThat(back).isEqualTo(spec);
        assertThat(SpecCodec.write(back)).isEqualTo(json);
    }

    @Test
    void seedCarriesThePublishedCaps() {
        NetworkSpec seed = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(3, 32, 32), 10));
        List<Integer> caps = seed.topology().neuronLayers().stream().map(NeuronLayer::cap).toList();
        assertThat(caps).containsExactly(32, 64, 128, 128, 320, 320, 640, 640, 640, 640, 640, 640, 1280, 1280);
        List<Integer> widths = seed.topology().neuronLayers().stream().map(NeuronLayer::width).toList();
        assertThat(widths).containsExactly(8, 8, 8, 8, 16, 16, 24, 24, 24, 24, 24, 24, 32, 32);
    }

    @Test
    void rejectsANewerSchemaVersion() {
        String json = SpecCodec.write(Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(1, 28, 28), 10)))
                .replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7");
        assertThatThrownBy(() -> SpecCodec.parse(json, "m/model.json")).isInstanceOf(BadInputException.class)
                .hasMessage("m/model.json: schemaVersion 7 is newer than this Mitosis reads (1)");
    }

    @Test
    void rejectsUnknownFieldsWithTheirPath() {
        String json = SpecCodec.write(Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(1, 28, 28), 10)))
                .replaceFirst("\"kernel\"", "\"kernal\"");
        assertThatThrownBy(() -> SpecCodec.parse(json, "m.json")).hasMessageContaining("m.json: blocks[0]: unknown field 'kernal'");
    }

    @Test
    void shapeInferenceErrorsNameTheBlock() {
        FeatureShape tiny = new FeatureShape(1, 4, 4);
        List<Block> blocks = List.of(new Block.Conv(4, 3, 2, Activation.RELU), new Block.DepthwiseSeparable(4, 2, Activation.RELU),
                new Block.DepthwiseSeparable(4, 2, Activation.RELU), new Block.GlobalPool(), new Block.Linear());
        assertThatThrownBy(() -> new NetworkSpec("t", tiny, 10, blocks)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("block 2 (dws): stride 2 on a 1x1 feature map");
        assertThatThrownBy(() -> new NetworkSpec("t", tiny, 10, List.of(new Block.Conv(4, 3, 1, Activation.RELU),
                new Block.Linear()))).hasMessageContaining("must follow a global pool");
        assertThatThrownBy(() -> new NetworkSpec("t", tiny, 10, List.of(new Block.Conv(4, 3, 1, Activation.RELU),
                new Block.GlobalPool()))).hasMessageContaining("last block must be the linear classifier");
        assertThatThrownBy(() -> new Block.Conv(4, 4, 1, Activation.RELU)).hasMessageContaining("kernel must be odd");
        assertThatThrownBy(() -> new Block.Conv(8, 3, 1, Activation.RELU, 4)).hasMessageContaining("cap 4 is below the width 8");
    }

    @Test
    void residualOnlyWhenShapesAllowAndResidualStreamsAreNotSplittable() {
        NetworkSpec v2 = Templates.create("mbv2", Templates.Options.of(new FeatureShape(3, 32, 32), 10));
        Topology t = v2.topology();
        // block 1 (32 -> 16) has none; block 3 (24 -> 24, stride 1) adds its input.
        assertThat(t.residual().get(1)).isFalse();
        assertThat(t.residual().get(3)).isTrue();
        assertThat(t.neuronLayers()).noneMatch(n -> n.conv().name().endsWith(".project"));
        assertThat(t.neuronLayer("blocks.3.expand")).isPresent();
    }
}
