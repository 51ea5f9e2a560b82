package dev.mitosis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.data.Normalization;
import dev.mitosis.io.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRecordTest {

    @TempDir
    Path dir;

    @Test
    void anUnevaluatedModelWritesNullNotTheStringNaN() throws Exception {
        TrainingRecord r = new TrainingRecord("sample", Normalization.of(new double[] {0.29}, new double[] {0.35}), 0,
                Double.NaN, Double.NaN, "mitosis split");
        Files.writeString(dir.resolve(TrainingRecord.FILE), r.toJson());
        String json = Files.readString(dir.resolve(TrainingRecord.FILE));
        assertThat(json).contains("\"testAccuracy\" : null").doesNotContain("NaN");
        TrainingRecord back = TrainingRecord.read(dir).orElseThrow();
        assertThat(back.testAccuracy()).isNaN();
        assertThat(back.normalization().mean()).containsExactly(0.29);
        assertThat(back.command()).isEqualTo("mitosis split");
    }

    @Test
    void roundTripsAnEvaluatedModel() throws Exception {
        TrainingRecord r = new TrainingRecord("fashion-mnist", Normalization.of(new double[] {0.5}, new double[] {0.25}),
                12, 0.9123, 0.31, "mitosis train");
        Files.writeString(dir.resolve(TrainingRecord.FILE), r.toJson());
        assertThat(TrainingRecord.read(dir)).contains(r);
    }

    @Test
    void namesTheFieldThatIsWrong() throws Exception {
        Files.writeString(dir.resolve(TrainingRecord.FILE), "{\"schemaVersion\": 1, \"normalizationMean\": [],"
                + " \"normalizationStd\": [0.3], \"epochs\": 1}");
        assertThatThrownBy(() -> TrainingRecord.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("normalizationMean").hasMessageContaining(TrainingRecord.FILE);
    }
}
