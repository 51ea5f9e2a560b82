package dev.mitosis.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.mitosis.data.Normalization;
import dev.mitosis.io.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a model was trained, kept as training.json next to model.json: the dataset, the input
 * normalisation the weights expect (so evaluation and probing use the same), the final test accuracy
 * and the command that produced it. A model that was not evaluated (a split written by {@code split})
 * has no accuracy: the file says {@code null}, this record NaN.
 */
public record TrainingRecord(String dataset, Normalization normalization, int epochs, double testAccuracy,
                             double testLoss, String command) {

    public static final String FILE = "training.json";
    static final int SCHEMA_VERSION = 1;

    /** The file's layout, bound by Jackson; unknown numbers are {@code null}, never the string "NaN". */
    private record Wire(int schemaVersion, String dataset, double[] normalizationMean, double[] normalizationStd,
                        int epochs, Double testAccuracy, Double testLoss, String command) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(new Wire(SCHEMA_VERSION, dataset, normalization.mean(), normalization.std(),
                    epochs, finite(testAccuracy), finite(testLoss), command)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record in {@code dir}, if the model was trained by Mitosis. */
    public static Optional<TrainingRecord> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Wire w;
        try {
            w = MAPPER.readValue(file.toFile(), Wire.class);
        } catch (ValueInstantiationException e) {
            throw new BadInputException(file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(file + ": malformed JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (w.schemaVersion() > SCHEMA_VERSION) {
            throw new BadInputException(file + ": schemaVersion " + w.schemaVersion() + " is newer than this Mitosis"
                    + " reads (" + SCHEMA_VERSION + ")");
        }
        checkNonEmpty(w.normalizationMean(), file, "normalizationMean");
        checkNonEmpty(w.normalizationStd(), file, "normalizationStd");
        try {
            return Optional.of(new TrainingRecord(w.dataset() == null ? "" : w.dataset(),
                    Normalization.of(w.normalizationMean(), w.normalizationStd()), w.epochs(), orNaN(w.testAccuracy()),
                    orNaN(w.testLoss()), w.command() == null ? "" : w.command()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    private static void checkNonEmpty(double[] values, Path file, String field) {
        if (values == null || values.length == 0) {
            throw new BadInputException(file + ": " + field + ": expected a non-empty array of numbers");
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
