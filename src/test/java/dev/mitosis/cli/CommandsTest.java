package dev.mitosis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.weights.Safetensors;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in-process, on the bundled sample. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static JsonNode json(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    @Order(1)
    void infoJsonHasTotalsAndLayers() throws Exception {
        JsonNode info = json(CliRunner.run("info", "mbv1", "--input", "224x224x3", "--classes", "1000", "--json"));
        assertThat(info.get("macs").isIntegralNumber()).isTrue();
        assertThat(info.get("macs").asLong()).isEqualTo(568_740_352L);
        assertThat(info.get("params").isIntegralNumber()).isTrue();
        JsonNode first = info.get("layers").get(0);
        assertThat(first.get("name").asText()).isEqualTo("blocks.0.conv");
        assertThat(first.get("kind").asText()).isEqualTo("conv");
        assertThat(first.get("output").toString()).isEqualTo("[32,112,112]");
        assertThat(first.get("width").asInt()).isEqualTo(32);
        assertThat(first.get("macs").asLong()).isEqualTo(3L * 3 * 3 * 32 * 112 * 112);
        long sum = 0;
        for (JsonNode l : info.get("layers")) {
            sum += l.get("macs").asLong();
        }
        assertThat(sum).isEqualTo(info.get("macs").asLong());
    }

    /**
     * Two epochs on the 10,000-image sample. Chance is 10%; the seed reaches 72–76% here (a linear model
     * on raw pixels gets ~80% on full Fashion-MNIST). 60% is six times chance with room for noise.
     */
    @Test
    @Order(2)
    void trainingOnTheSampleRisesWellAboveChance() throws Exception {
        Path out = tmp.resolve("seed");
        JsonNode r = json(CliRunner.run("train", "mbv1-seed", "--data", "sample", "--epochs", "2", "--out",
                out.toString(), "--json"));
        assertThat(r.get("testAccuracy").asDouble()).isGreaterThan(0.60);
        assertThat(r.get("epochs")).hasSize(2);
        assertThat(ModelDirectory.isModelDirectory(out)).isTrue();
        JsonNode eval = json(CliRunner.run("eval", out.toString(), "--data", "sample", "--json"));
        assertThat(eval.get("accuracy").asDouble()).isEqualTo(r.get("testAccuracy").asDouble());
        assertThat(eval.get("images").asInt()).isEqualTo(2000);
    }

    @Test
    @Order(3)
    void probeReportsEveryNeuronUnderItsWeightKey() throws Exception {
        Path seed = tmp.resolve("seed");
        JsonNode r = json(CliRunner.run("probe", seed.toString(), "--data", "sample", "--passes", "1",
                "--probe-images", "512", "--max", "--json"));
        assertThat(r.get("method").asText()).isEqualTo("fast");
        JsonNode layers = r.get("layers");
        assertThat(layers).hasSize(14);
        assertThat(layers.get(0).get("key").asText()).isEqualTo("blocks.0.conv.weight");
        assertThat(Safetensors.read(seed.resolve("weights.safetensors")).find(layers.get(5).get("key").asText())).isPresent();
        JsonNode n = layers.get(0).get("neurons").get(0);
        assertThat(n.has("lambdaMin") && n.has("lambdaMax") && n.has("cost") && n.has("selected")).isTrue();
        // One short pass leaves λ_min and λ_max as rough, unordered estimates (docs/algorithms.md §2), so
        // what must hold is the selection's rule: only a split that lowers the loss (λ_min < 0) is chosen.
        int selected = 0;
        for (JsonNode layer : layers) {
            for (JsonNode neuron : layer.get("neurons")) {
                assertThat(Double.isFinite(neuron.get("lambdaMin").asDouble())
                        && Double.isFinite(neuron.get("lambdaMax").asDouble())).isTrue();
                if (neuron.get("selected").asBoolean()) {
                    selected++;
                    assertThat(neuron.get("lambdaMin").asDouble()).as(layer.get("key").asText()).isNegative();
                }
            }
        }
        assertThat(selected).isPositive();
    }

    @Test
    @Order(4)
    void splitWritesAGrownModelThatStillWorks() throws Exception {
        Path seed = tmp.resolve("seed");
        Path grown = tmp.resolve("grown");
        JsonNode r = json(CliRunner.run("split", seed.toString(), "--data", "sample", "--exact", "--probe-images",
                "256", "--energy-aware", "--grow", "0.5", "--out", grown.toString(), "--json"));
        long before = r.get("selection").get("macsBefore").asLong();
        assertThat(r.get("grownMacs").asLong()).isEqualTo(r.get("selection").get("macsAfter").asLong())
                .isGreaterThan(before);
        JsonNode evalSeed = json(CliRunner.run("eval", seed.toString(), "--data", "sample", "--json"));
        JsonNode evalGrown = json(CliRunner.run("eval", grown.toString(), "--data", "sample", "--json"));
        // ε = 0.01 changes the function only to second order: accuracy within a point.
        assertThat(evalGrown.get("accuracy").asDouble()).isCloseTo(evalSeed.get("accuracy").asDouble(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(evalGrown.get("macs").asLong()).isGreaterThan(evalSeed.get("macs").asLong());
    }

    @Test
    @Order(5)
    void benchmarksPrintTheirFigures() throws Exception {
        JsonNode train = json(CliRunner.run("bench", "train", "--model", "mbv1-seed", "--input", "32x32x3",
                "--classes", "10", "--batch", "16", "--steps", "3", "--warmup", "1", "--rounds", "1", "--json"));
        assertThat(train.get("imagesPerSecond").asDouble()).isPositive();
        JsonNode split = json(CliRunner.run("bench", "split", "--model", "mbv1-seed", "--input", "32x32x3",
                "--classes", "10", "--batch", "16", "--steps", "3", "--warmup", "1", "--rounds", "1", "--json"));
        assertThat(split.get("ratio").asDouble()).isCloseTo(
                split.get("trainImagesPerSecond").asDouble() / split.get("splitImagesPerSecond").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(1e-6));
        JsonNode runs = json(CliRunner.run("bench", "split", "--model", "mbv1-seed", "--input", "32x32x3",
                "--classes", "10", "--batch", "16", "--steps", "2", "--warmup", "1", "--rounds", "1", "--runs", "3",
                "--json"));
        assertThat(runs.get("runRatios")).hasSize(3);
        double[] ratios = new double[3];
        for (int i = 0; i < 3; i++) {
            ratios[i] = runs.get("runRatios").get(i).asDouble();
        }
        java.util.Arrays.sort(ratios);
        assertThat(runs.get("ratio").asDouble()).isEqualTo(ratios[1]);
        JsonNode slim = json(CliRunner.run("bench", "autoslim", "--model", "mbv1-seed", "--input", "32x32x3",
                "--classes", "10", "--batch", "16", "--steps", "2", "--warmup", "1", "--rounds", "1", "--json"));
        assertThat(slim.get("sandwich").asInt()).isEqualTo(4);
        assertThat(slim.get("ratioToLargest").asDouble()).isCloseTo(slim.get("sandwichStepSeconds").asDouble()
                / slim.get("largestStepsSeconds").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(slim.get("ratioToPlain").asDouble()).isPositive();
        CliRunner.Result one = CliRunner.run("bench", "autoslim", "--sandwich", "1");
        assertThat(one.exitCode()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(one.errorLine()).contains("--sandwich must be at least 2");
    }
}
