package dev.mitosis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import dev.mitosis.weights.DType;
import dev.mitosis.weights.Initializer;
import dev.mitosis.weights.Safetensors;
import dev.mitosis.weights.Tensor;
import dev.mitosis.weights.Weights;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gives one line on stderr naming the file and the problem, exit code 2, no
 * stack trace, and nothing written to --out.
 */
class BadInputTest {

    @TempDir
    Path tmp;
    Path out;
    Path good;

    @BeforeEach
    void setUp() {
        out = tmp.resolve("out");
        good = tmp.resolve("good");
        NetworkSpec spec = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(1, 28, 28), 10));
        ModelDirectory.write(good, new Model(spec, Initializer.initialize(spec, 1)));
    }

    /** Trains for zero epochs so that only input handling runs; --out must stay absent. */
    private CliRunner.Result train(String model, String... extra) {
        String[] base = {"train", model, "--data", "sample", "--epochs", "0", "--out", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    private void assertBadInput(CliRunner.Result r, String... fragments) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(r.errorLine()).contains(f);
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void missingModelDirectory() {
        assertBadInput(train(tmp.resolve("nope").toString()), "nope", "no such model");
    }

    @Test
    void malformedModelJson() throws IOException {
        Files.writeString(good.resolve("model.json"), "{\"schemaVersion\": 1, \"name\": ");
        assertBadInput(train(good.toString()), "model.json", "malformed JSON");
    }

    @Test
    void unknownBlockKind() throws IOException {
        String json = Files.readString(good.resolve("model.json")).replaceFirst("\"dws\"", "\"fancy\"");
        Files.writeString(good.resolve("model.json"), json);
        assertBadInput(train(good.toString()), "model.json", "blocks[1].kind", "unknown block kind 'fancy'");
    }

    @Test
    void zeroAndNegativeWidths() throws IOException {
        String original = Files.readString(good.resolve("model.json"));
        Files.writeString(good.resolve("model.json"), original.replaceFirst("\"out\" : 8", "\"out\" : 0"));
        assertBadInput(train(good.toString()), "model.json", "blocks[0]", "width must be positive, found 0");
        Files.writeString(good.resolve("model.json"), original.replaceFirst("\"out\" : 8", "\"out\" : -3"));
        assertBadInput(train(good.toString()), "model.json", "found -3");
    }

    @Test
    void shapeErrorNamesTheBlock() throws IOException {
        Path json = tmp.resolve("tiny.json");
        Files.writeString(json, """
                {"schemaVersion": 1, "name": "tiny", "input": {"height": 2, "width": 2, "channels": 1}, "classes": 10,
                 "blocks": [{"kind": "conv", "out": 4, "kernel": 3, "stride": 2, "activation": "relu"},
                            {"kind": "dws", "out": 4, "stride": 2, "activation": "relu"},
                            {"kind": "pool"}, {"kind": "linear"}]}
                """);
        assertBadInput(CliRunner.run("info", json.toString()), "tiny.json", "block 1 (dws): stride 2 on a 1x1 feature map");
    }

    @Test
    void weightsWithAWrongShape() throws IOException {
        Weights w = Safetensors.read(good.resolve("weights.safetensors"));
        Tensor t = w.get("blocks.4.pw.weight");
        Weights bad = w.with("blocks.4.pw.weight", Tensor.filled(DType.F32, new long[] {16, 9, 1, 1}, 0));
        Safetensors.write(good.resolve("weights.safetensors"), bad, Map.of());
        assertThat(t.shape()).containsExactly(16, 8, 1, 1);
        assertBadInput(train(good.toString()), "weights.safetensors", "blocks.4.pw.weight",
                "expected shape [16, 8, 1, 1], found [16, 9, 1, 1]");
    }

    @Test
    void weightsWithAWrongDtype() throws IOException {
        Weights w = Safetensors.read(good.resolve("weights.safetensors"));
        Weights bad = w.with("blocks.0.conv_bn.num_batches_tracked", Tensor.scalar(DType.F32, 0));
        Safetensors.write(good.resolve("weights.safetensors"), bad, Map.of());
        assertBadInput(train(good.toString()), "blocks.0.conv_bn.num_batches_tracked", "expected dtype I64, found F32");
    }

    @Test
    void weightsWithAMissingOrForeignTensor() throws IOException {
        Weights w = Safetensors.read(good.resolve("weights.safetensors"));
        Map<String, Tensor> map = new LinkedHashMap<>(w.asMap());
        map.remove("blocks.15.fc.bias");
        Safetensors.write(good.resolve("weights.safetensors"), new Weights(map), Map.of());
        assertBadInput(train(good.toString()), "missing tensor blocks.15.fc.bias");

        Safetensors.write(good.resolve("weights.safetensors"), w.with("head.extra", Tensor.scalar(DType.F32, 1)), Map.of());
        assertBadInput(train(good.toString()), "unexpected tensor head.extra");
    }

    @Test
    void truncatedSafetensors() throws IOException {
        Path file = good.resolve("weights.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertBadInput(train(good.toString()), "weights.safetensors", "truncated");
        Files.write(file, new byte[] {1, 2, 3});
        assertBadInput(train(good.toString()), "weights.safetensors", "truncated");
    }

    @Test
    void pickleOfferedAsWeights() throws IOException {
        Path file = good.resolve("weights.safetensors");
        // A torch.save zip archive starts with PK; a raw pickle with 0x80 and the protocol.
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0});
        assertBadInput(train(good.toString()), "weights.safetensors", "pickle", "safetensors only");
        Files.write(file, new byte[] {(byte) 0x80, 2, ']', 'q', 0, '.', 0, 0, 0, 0});
        assertBadInput(train(good.toString()), "pickle");
    }

    @Test
    void idxWithAWrongMagicNumber() throws IOException {
        Path data = fakeFashionMnist(2051, 2049, 3);
        Path labels = data.resolve("train-labels-idx1-ubyte.gz");
        writeIdx(labels, 2051, new int[] {5}, new byte[] {1, 2, 3, 4, 5});
        CliRunner.Result r = CliRunner.run("train", "mbv1-seed", "--data", data.toString(), "--epochs", "0",
                "--out", out.toString());
        assertBadInput(r, "train-labels-idx1-ubyte.gz", "magic number 2051", "expected 2049");
    }

    @Test
    void idxWithALabelOutsideTheClasses() throws IOException {
        Path data = fakeFashionMnist(2051, 2049, 12);
        CliRunner.Result r = CliRunner.run("train", "mbv1-seed", "--data", data.toString(), "--epochs", "0",
                "--out", out.toString());
        assertBadInput(r, "labels-idx1-ubyte.gz", "label 12", "outside 0..9");
    }

    @Test
    void unknownTemplateAndBadOptions() {
        assertBadInput(train("mbv9"), "mbv9", "templates");
        assertBadInput(CliRunner.run("info", "mbv1", "--input", "32by32"), "32by32", "HxWxC");
        assertBadInput(CliRunner.run("info", "mbv1", "--width", "-1"), "width multiplier");
        assertBadInput(CliRunner.run("train", "mbv1-seed", "--data", "sample", "--device", "gpu:3", "--out",
                out.toString()), "--device gpu:3");
    }

    /** A split that cannot run: one line, exit 2, and --out stays absent. */
    private void assertSplitRefused(String model, String fragment, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("split", model, "--data", "sample",
                "--probe-images", "64", "--passes", "1", "--out", out.toString()));
        args.addAll(java.util.List.of(options));
        assertBadInput(CliRunner.run(args.toArray(String[]::new)), fragment);
    }

    @Test
    void splitBadInputs() throws IOException {
        assertSplitRefused(good.toString(), "the exact probe needs", "--exact", "--exact-memory", "1000");
        assertSplitRefused(good.toString(), "--grow 1.5", "--grow", "1.5");
        assertSplitRefused(good.toString(), "--grow 0.0", "--grow", "0");
        assertSplitRefused(good.toString(), "the budget holds none", "--macs", "327200");
        Path linear = tmp.resolve("linear.json");
        Files.writeString(linear, """
                {"schemaVersion": 1, "name": "linear", "input": {"height": 28, "width": 28, "channels": 1}, "classes": 10,
                 "blocks": [{"kind": "conv", "out": 4, "kernel": 3, "stride": 2, "activation": "linear"},
                            {"kind": "pool"}, {"kind": "linear"}]}
                """);
        assertSplitRefused(linear.toString(), "nothing to split");
    }

    @Test
    void existingNonModelOutputIsNotClobbered() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRunner.Result r = train("mbv1-seed");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).contains("exists and is not a model directory");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
    }

    /** A 5-image Fashion-MNIST-shaped IDX set in a directory whose name says fashion. */
    private Path fakeFashionMnist(int imageMagic, int labelMagic, int badLabel) throws IOException {
        Path dir = tmp.resolve("fashion-mnist-fake");
        Files.createDirectories(dir);
        byte[] pixels = new byte[5 * 28 * 28];
        byte[] labels = {0, 1, 2, 3, (byte) badLabel};
        for (String part : new String[] {"train", "t10k"}) {
            writeIdx(dir.resolve(part + "-images-idx3-ubyte.gz"), imageMagic, new int[] {5, 28, 28}, pixels);
            writeIdx(dir.resolve(part + "-labels-idx1-ubyte.gz"), labelMagic, new int[] {5}, labels);
        }
        return dir;
    }

    private static void writeIdx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        java.io.DataOutputStream d = new java.io.DataOutputStream(raw);
        d.writeInt(magic);
        for (int dim : dims) {
            d.writeInt(dim);
        }
        d.write(data);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(raw.toByteArray());
        }
        Files.write(file, gz.toByteArray());
    }

    @Test
    void runsOfAMissingDirectory() {
        assertBadInput(CliRunner.run("runs", tmp.resolve("no-runs-here").toString()), "no-runs-here",
                "no such directory");
        CliRunner.Result empty = CliRunner.run("runs", tmp.toString());
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("(no runs in " + tmp + ")");
    }
}
