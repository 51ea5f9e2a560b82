package dev.mitosis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.run.CandidateRecord;
import dev.mitosis.grow.TinyData;
import dev.mitosis.store.RunState;
import dev.mitosis.store.RunStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowCommandTest {

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeData() throws Exception {
        data = TinyData.write(shared.resolve("fashion-tiny"), 80, 20);
    }

    static List<String> growArgs(Path run, int rounds, int epochs) {
        return List.of("grow", "samples/mbv1-seed-fmnist", "--data", data.toString(), "--rounds", String.valueOf(rounds),
                "--epochs", String.valueOf(epochs), "--passes", "1", "--probe-images", "256", "--device", "cpu",
                "--out", run.toString());
    }

    @Test
    void aBudgetNoNeuronFitsIsBadInputAndTheRunReadsAsFailed() {
        Path run = tmp.resolve("run");
        List<String> args = new ArrayList<>(growArgs(run, 1, 1));
        args.addAll(List.of("--macs", "100k"));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(r.errorLine()).contains("--macs").doesNotContain("internal error");
        try (RunStore store = RunStore.open(run)) {
            assertThat(store.state()).isEqualTo(RunState.FAILED);
            assertThat(store.candidates()).hasSize(1);
        }
        CliRunner.Result runs = CliRunner.run("runs", tmp.toString(), "--json");
        assertThat(runs.out()).contains("\"state\" : \"failed\"");
    }

    @Test
    void killedDuringRoundTwoReopensIntactAndResumes() throws Exception {
        Path run = tmp.resolve("run");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.mitosis.Main"));
        command.addAll(growArgs(run, 3, 2));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch roundTwo = new CountDownLatch(1);
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("round 2/3:")) {
                        roundTwo.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        });
        reader.start();
        assertThat(roundTwo.await(120, TimeUnit.SECONDS)).as("round 2 started; output: %s", lines).isTrue();
        Thread.sleep(400);
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5000);
        synchronized (lines) {
            assertThat(lines).noneMatch(l -> l.startsWith("stored r2"));
        }

        try (RunStore store = RunStore.open(run)) {
            List<CandidateRecord> c = store.candidates();
            assertThat(c).extracting(CandidateRecord::label).containsExactly("seed", "r1");
            for (CandidateRecord r : c) {
                assertThat(store.loadModel(r).spec().macs()).isEqualTo(r.macs());
            }
        }
        try (Stream<Path> left = Stream.concat(Files.list(run), Files.list(run.resolve(RunStore.MODELS)))) {
            assertThat(left.map(x -> x.getFileName().toString())).noneMatch(n -> n.contains("staging"))
                    .noneMatch(n -> n.startsWith("0003"));
        }

        CliRunner.Result resumed = CliRunner.run("grow", "--resume", "--out", run.toString());
        assertThat(resumed.exitCode()).as(resumed.err() + resumed.out()).isZero();
        assertThat(resumed.out()).contains("round 2/3:").doesNotContain("round 1/3:");
        try (RunStore store = RunStore.open(run)) {
            assertThat(store.candidates()).extracting(CandidateRecord::label).containsExactly("seed", "r1", "r2", "r3");
        }
        CliRunner.Result frontier = CliRunner.run("frontier", run.toString(), "--csv");
        assertThat(frontier.out().lines()).hasSize(5).first().isEqualTo("run,method,candidate,round,macs,params,accuracy,pareto");
    }

    @Test
    void unknownRunDirectory() {
        CliRunner.Result r = CliRunner.run("grow", "--resume", "--out", tmp.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).contains("nope").contains("no such run directory");
    }

    @Test
    void runFromANewerSchema() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(CliRunner.run(growArgs(run, 1, 1).toArray(String[]::new)).exitCode()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + run.resolve(RunStore.DATABASE));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE meta SET value = '9' WHERE key = 'schemaVersion'");
        }
        CliRunner.Result r = CliRunner.run("grow", "--resume", "--out", run.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).contains("run.db").contains("schema version 9 is newer");
        assertThat(CliRunner.run("frontier", run.toString()).errorLine()).contains("schema version 9");
    }

    @Test
    void resumeThatContradictsTheStoredConfig() {
        Path run = tmp.resolve("run");
        assertThat(CliRunner.run(growArgs(run, 1, 1).toArray(String[]::new)).exitCode()).isZero();
        CliRunner.Result r = CliRunner.run("grow", "--resume", "--out", run.toString(), "--grow", "0.5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).contains("grow = 0.5").contains("contradicts the stored grow = 0.3");
        CliRunner.Result e = CliRunner.run("grow", "--resume", "--out", run.toString(), "--epochs", "4");
        assertThat(e.errorLine()).contains("fineTune.epochs = 4").contains("stored fineTune.epochs = 1");
        // More rounds is not a contradiction: the run goes on.
        CliRunner.Result more = CliRunner.run("grow", "--resume", "--out", run.toString(), "--rounds", "2");
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(more.out()).contains("round 2/2:");
    }

    @Test
    void newRunRefusesANonEmptyDirectory() throws Exception {
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("x.txt"), "keep");
        CliRunner.Result r = CliRunner.run(growArgs(run, 1, 1).toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).contains("exists and is not");
        assertThat(Files.readString(run.resolve("x.txt"))).isEqualTo("keep");
    }
}
