package dev.mitosis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mitosis.grow.TinyData;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mitosis baseline autoslim} on a run grown for one round on tiny data: its candidates land in the
 * run under their targets, retrained for the run's epoch budget, with the search recorded beside them; a
 * second start is refused, a resume of a finished search stores nothing twice, and impossible targets are
 * one line and exit 2.
 */
class AutoSlimCommandTest {

    @TempDir
    static Path shared;
    static Path run;

    @BeforeAll
    static void growOneRound() throws Exception {
        Path data = TinyData.write(shared.resolve("fashion-tiny"), 80, 20);
        run = shared.resolve("run");
        CliRunner.Result grown = CliRunner.run("grow", "samples/mbv1-seed-fmnist", "--data", data.toString(),
                "--rounds", "1", "--epochs", "1", "--passes", "1", "--probe-images", "256", "--device", "cpu", "--out",
                run.toString());
        assertThat(grown.exitCode()).as(grown.err()).isZero();
    }

    static String[] autoslim(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("baseline", "autoslim", "--run", run.toString(),
                "--device", "cpu", "--supernet-epochs", "1", "--held-out", "100", "--calibration", "64", "--groups", "4"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void storesTheConfigurationUnderEachTargetRetrainedForTheRunsBudgetAndRefusesASecondStart() throws Exception {
        long target;
        int budget;
        try (RunStore store = RunStore.open(run)) {
            CandidateRecord grown = store.candidates().stream().filter(c -> c.method() == Method.SPLIT).findFirst()
                    .orElseThrow();
            target = grown.macs();
            budget = store.lineageEpochs(grown);
        }
        CliRunner.Result r = CliRunner.run(autoslim());
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (RunStore store = RunStore.open(run)) {
            List<CandidateRecord> retrained = store.candidates().stream().filter(c -> c.method() == Method.AUTOSLIM)
                    .toList();
            List<CandidateRecord> slimmed = store.candidates().stream()
                    .filter(c -> c.method() == Method.AUTOSLIM_SLIMMED).toList();
            assertThat(retrained).hasSize(1);
            assertThat(slimmed).hasSize(1);
            CandidateRecord a = retrained.get(0);
            assertThat(a.macs()).isLessThanOrEqualTo(target).isEqualTo(slimmed.get(0).macs());
            assertThat(a.accuracy()).isBetween(0.0, 1.0);
            assertThat(a.accuracy()).isNotEqualTo(slimmed.get(0).accuracy());
            Path dir = store.modelDirectory(a);
            assertThat(TrainingRecord.read(dir).orElseThrow().epochs()).isEqualTo(budget);
            JsonNode search = new ObjectMapper().readTree(Files.readString(dir.resolve("autoslim.json")));
            assertThat(search.at("/found/target").asLong()).isEqualTo(target);
            assertThat(search.at("/found/macs").asLong()).isEqualTo(a.macs());
            assertThat(search.at("/retrainedEpochs").asInt()).isEqualTo(budget);
            assertThat(search.at("/options/supernetEpochs").asInt()).isEqualTo(1);
            assertThat(search.at("/note").asText()).contains("from scratch for " + budget + " epochs");
            assertThat(store.epochs(0, "autoslim-supernet")).hasSize(1);
            assertThat(store.modelDirectory(a).getFileName().toString()).isNotEmpty();
        }
        CliRunner.Result again = CliRunner.run(autoslim());
        assertThat(again.exitCode()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(again.errorLine()).contains("already has an AutoSlim search").contains("--resume");
        CliRunner.Result resumed = CliRunner.run(autoslim("--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        try (RunStore store = RunStore.open(run)) {
            assertThat(store.candidates().stream().filter(c -> c.method() == Method.AUTOSLIM)).hasSize(1);
        }
        CliRunner.Result other = CliRunner.run(autoslim("--resume", "--sandwich", "3"));
        assertThat(other.exitCode()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(other.errorLine()).contains("other settings");
        // a state file edited by hand is refused with the file named, and nothing more is stored
        Path state = run.resolve("autoslim/supernet/autoslim.json");
        String original = Files.readString(state);
        Files.writeString(state, original.replaceFirst("\"levels\" : \\[ \\d+", "\"levels\" : [ 99"));
        CliRunner.Result edited = CliRunner.run(autoslim("--resume"));
        assertThat(edited.exitCode()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(edited.errorLine()).contains("autoslim.json").contains("does not fit");
        Files.writeString(state, original.replace("\"epochsDone\" : 1", "\"epochsDone\" : -3"));
        CliRunner.Result negative = CliRunner.run(autoslim("--resume"));
        assertThat(negative.exitCode()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(negative.errorLine()).contains("autoslim.json").contains("epochsDone");
        Files.writeString(state, original);
        // --restart searches afresh and stores its candidates, though the discarded search left some of that label
        CliRunner.Result restarted = CliRunner.run(autoslim("--restart", "--epochs", "1"));
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("AutoSlim search:").contains("(autoslim)");
        try (RunStore store = RunStore.open(run)) {
            assertThat(store.candidates().stream().filter(c -> c.method() == Method.AUTOSLIM)).hasSize(2);
            assertThat(store.candidates().stream().filter(c -> c.method() == Method.AUTOSLIM_SLIMMED)).hasSize(2);
        }
        CliRunner.Result both = CliRunner.run(autoslim("--resume", "--restart"));
        assertThat(both.exitCode()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(both.errorLine()).contains("--resume and --restart exclude each other");
    }

    @Test
    void aTargetAboveTheSupernetOrBelowTheNarrowestConfigurationIsOneLineAndExitTwo() {
        CliRunner.Result high = CliRunner.run(autoslim("--targets", "50M", "--supernet-width", "1.5"));
        assertThat(high.exitCode()).as(high.err()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(high.errorLine()).contains("--targets 50").contains("above the supernet's")
                .contains("--supernet-width");
        assertThat(high.err().strip().lines()).hasSize(1);
        CliRunner.Result low = CliRunner.run(autoslim("--targets", "2k"));
        assertThat(low.exitCode()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(low.errorLine()).contains("--targets 2").contains("below the narrowest configuration's");
        assertThat(low.err().strip().lines()).hasSize(1);
    }
}
