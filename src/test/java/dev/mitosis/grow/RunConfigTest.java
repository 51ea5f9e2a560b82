package dev.mitosis.grow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.data.DataSubset;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.io.BadInputException;
import dev.mitosis.split.CostModel;
import dev.mitosis.train.LrSchedule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunConfigTest {

    /** What Mitosis wrote before schema version 2, verbatim from a run grown with the defaults. */
    private static final String VERSION_1 = """
            {
              "schemaVersion" : 1,
              "data" : "sample",
              "growth" : {
                "rounds" : 3, "strategy" : "energy-aware", "grow" : 0.3, "costModel" : "sqrt-macs",
                "signed" : false, "signedBound" : 2.0, "epsilon" : 0.01, "exactProbe" : false, "probePasses" : 6,
                "probeLr" : 0.01, "probeImages" : 8192, "publishedCurvature" : false,
                "fineTune" : { "epochs" : 3, "batchSize" : 64, "lr" : 0.02, "schedule" : "cosine", "stepEvery" : 1,
                  "stepGamma" : 1.0, "momentum" : 0.9, "nesterov" : true, "weightDecay" : 1.0E-4,
                  "labelSmoothing" : 0.0, "augment" : true },
                "device" : "auto", "seed" : 1, "retrain" : false
              }
            }""";

    @Test
    void roundTripsThroughJson() {
        GrowthConfig g = GrowthConfig.defaults().toBuilder().strategy(GrowthConfig.Strategy.MAC_TARGET)
                .macTarget(600_000L).costModel(CostModel.LOG_MACS).device(DeviceChoice.gpu(1)).retrain(true)
                .fineTune(GrowthConfig.defaults().fineTune().withEpochs(5)).build();
        RunConfig c = new RunConfig("fashion-mnist", Optional.of("/data"), new DataSubset(3000, 1000), g);
        String json = c.toJson();
        assertThat(json).contains("\"strategy\" : \"mac-target\"").contains("\"costModel\" : \"log-macs\"")
                .contains("\"device\" : \"gpu:1\"").contains("\"schemaVersion\" : 3")
                .contains("\"testImages\" : 1000");
        assertThat(RunConfig.fromJson(json, "t")).isEqualTo(c);
    }

    @Test
    void readsVersion1AsTheDefaultsItWasWrittenFrom() {
        RunConfig c = RunConfig.fromJson(VERSION_1, "old/run.db");
        assertThat(c.data()).isEqualTo("sample");
        assertThat(c.dataDir()).isEmpty();
        assertThat(c.growth()).isEqualTo(GrowthConfig.defaults());
        assertThat(c.growth().fineTune().schedule()).isEqualTo(LrSchedule.cosine());
        assertThat(c.subset()).isEqualTo(DataSubset.ALL);
    }

    @Test
    void badValuesNameTheProblem() {
        String unknownCost = VERSION_1.replace("sqrt-macs", "joules");
        assertThatThrownBy(() -> RunConfig.fromJson(unknownCost, "r/run.db")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("r/run.db").hasMessageContaining("'joules'").hasMessageContaining("sqrt-macs");
        String missing = VERSION_1.replace("\"epsilon\" : 0.01, ", "");
        assertThatThrownBy(() -> RunConfig.fromJson(missing, "r/run.db")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("epsilon");
        String future = VERSION_1.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7");
        assertThatThrownBy(() -> RunConfig.fromJson(future, "r/run.db")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("schema version 7");
    }

    @Test
    void resumingWithOtherSettingsSaysWhich() {
        GrowthConfig stored = GrowthConfig.defaults();
        RunConfig.checkResumable(stored, stored.toBuilder().rounds(9).device(DeviceChoice.CPU).build(), "r");
        GrowthConfig other = stored.toBuilder().fineTune(stored.fineTune().withLr(0.1)).build();
        assertThatThrownBy(() -> RunConfig.checkResumable(stored, other, "r")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("fineTune.lr = 0.1, which contradicts the stored fineTune.lr = 0.02");
    }
}
