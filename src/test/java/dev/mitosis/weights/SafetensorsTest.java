package dev.mitosis.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripIsBitExactForEveryDtype() throws IOException {
        Map<String, Tensor> map = new LinkedHashMap<>();
        map.put("f32", Tensor.ofFloats(new long[] {2, 3}, new float[] {1.1f, -0f, Float.MIN_VALUE, Float.MAX_VALUE,
                Float.NaN, Float.NEGATIVE_INFINITY}));
        map.put("f64", Tensor.wrap(DType.F64, new long[] {3}, new double[] {Math.PI, -Double.MIN_VALUE, 1e300}));
        map.put("i64", Tensor.scalar(DType.I64, 123456789012L));
        map.put("empty", Tensor.wrap(DType.F32, new long[] {0, 4}, new double[0]));
        Weights w = new Weights(map);
        Path file = tmp.resolve("w.safetensors");
        Safetensors.write(file, w, Map.of("format", "pt"));
        Weights back = Safetensors.read(file);
        assertThat(back.names()).containsExactly("f32", "f64", "i64", "empty");
        for (String name : w.names()) {
            double[] a = w.get(name).values();
            double[] b = back.get(name).values();
            assertThat(b.length).isEqualTo(a.length);
            for (int i = 0; i < a.length; i++) {
                assertThat(Double.doubleToRawLongBits(b[i])).isEqualTo(Double.doubleToRawLongBits(a[i]));
            }
            assertThat(back.get(name).dtype()).isEqualTo(w.get(name).dtype());
            assertThat(back.get(name).shape()).isEqualTo(w.get(name).shape());
        }
    }

    @Test
    void fileFollowsTheSafetensorsLayout() throws IOException {
        Weights w = new Weights(Map.of("a", Tensor.ofFloats(new long[] {2}, new float[] {1f, 2f})));
        byte[] bytes = Safetensors.encode(w, Map.of());
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertThat(n % 8).isZero();
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8).trim();
        assertThat(header).isEqualTo("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}");
        b.position((int) (8 + n));
        assertThat(b.getFloat()).isEqualTo(1f);
        assertThat(b.getFloat()).isEqualTo(2f);
    }

    @Test
    void modelDirectoryRoundTripIsBitExactAndLeavesNoStagingBehind() throws IOException {
        NetworkSpec spec = Templates.create("mbv2-seed", Templates.Options.of(new FeatureShape(3, 32, 32), 10));
        Model m = new Model(spec, Initializer.initialize(spec, 42));
        Path dir = tmp.resolve("model");
        ModelDirectory.write(dir, m);
        ModelDirectory.write(dir, m); // replacing an existing model is atomic too
        Model back = ModelDirectory.read(dir);
        assertThat(back.spec()).isEqualTo(spec);
        assertThat(back.weights()).isEqualTo(m.weights());
        try (Stream<Path> entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("model");
        }
    }

    @Test
    void tensorNamesAreTheStateDictKeys() {
        NetworkSpec spec = Templates.create("mbv2", Templates.Options.of(new FeatureShape(3, 32, 32), 10));
        var names = WeightLayout.of(spec).stream().map(WeightLayout.Entry::name).toList();
        assertThat(names).startsWith("blocks.0.conv.weight", "blocks.0.conv_bn.weight", "blocks.0.conv_bn.bias",
                "blocks.0.conv_bn.running_mean", "blocks.0.conv_bn.running_var", "blocks.0.conv_bn.num_batches_tracked",
                "blocks.1.dw.weight");
        assertThat(names).contains("blocks.2.expand.weight", "blocks.2.project_bn.running_var");
        assertThat(names).endsWith("blocks.20.fc.weight", "blocks.20.fc.bias");
    }
}
