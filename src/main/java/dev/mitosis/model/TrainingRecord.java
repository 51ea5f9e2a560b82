package dev.mitosis.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.io.BadInputException;
import dev.mitosis.data.Normalization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a model was trained, kept as training.json next to model.json: the dataset, the input
 * normalisation the weights expect (so evaluation and probing use the same), the final test accuracy
 * and the command that produced it.
 */
public record TrainingRecord(String dataset, Normalization normalization, int epochs, double testAccuracy,
                             double testLoss, String command) {

    public static final String FILE = "training.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schemaVersion", 1);
        n.put("dataset", dataset);
        var mean = n.putArray("normalizationMean");
        for (double m : normalization.mean()) {
            mean.add(m);
        }
        var std = n.putArray("normalizationStd");
        for (double s : normalization.std()) {
            std.add(s);
        }
        n.put("epochs", epochs);
        n.put("testAccuracy", testAccuracy);
        n.put("testLoss", testLoss);
        n.put("command", command);
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record in {@code dir}, if the model was trained by Mitosis. */
    public static Optional<TrainingRecord> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            double[] mean = doubles(n.get("normalizationMean"), file, "normalizationMean");
            double[] std = doubles(n.get("normalizationStd"), file, "normalizationStd");
            return Optional.of(new TrainingRecord(n.path("dataset").asText(""), Normalization.of(mean, std),
                    n.path("epochs").asInt(0), n.path("testAccuracy").asDouble(Double.NaN),
                    n.path("testLoss").asDouble(Double.NaN), n.path("command").asText("")));
        } catch (IOException e) {
            throw new BadInputException(file + ": malformed JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    private static double[] doubles(JsonNode node, Path file, String field) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new BadInputException(file + ": " + field + ": expected a non-empty array of numbers");
        }
        double[] d = new double[node.size()];
        for (int i = 0; i < d.length; i++) {
            if (!node.get(i).isNumber()) {
                throw new BadInputException(file + ": " + field + "[" + i + "]: expected a number, found " + node.get(i));
            }
            d[i] = node.get(i).doubleValue();
        }
        return d;
    }
}
