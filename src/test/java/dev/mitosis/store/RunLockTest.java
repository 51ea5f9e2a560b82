package dev.mitosis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.io.BadInputException;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.run.Method;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run, in this process and across processes; readers see a run that is being written. */
class RunLockTest {

    @TempDir
    Path tmp;

    private final Model seed = BundledSeed.load();

    @Test
    void aSecondWriterIsRefusedAndAReaderKeepsWorking() {
        Path run = tmp.resolve("run");
        try (RunStore writer = RunStore.create(run, "{}")) {
            writer.addCandidate(0, 0, Method.SEED, "seed", seed, 0.9, 0.3, 1, Map.of());
            assertThatThrownBy(() -> RunStore.openForWriting(run)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("another Mitosis process is writing this run")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            try (RunStore reader = RunStore.open(run)) {
                assertThat(reader.candidates()).hasSize(1);
                assertThat(reader.state()).isEqualTo(RunState.GROWING);
                assertThatThrownBy(() -> reader.markState(RunState.FINISHED)).isInstanceOf(IllegalStateException.class);
                writer.addCandidate(1, 1, Method.SPLIT, "r1", seed, 0.91, 0.3, 1, Map.of());
                assertThat(reader.candidates()).hasSize(2);
            }
            writer.markState(RunState.STOPPED);
        }
        try (RunStore again = RunStore.openForWriting(run)) {
            assertThat(again.state()).isEqualTo(RunState.STOPPED);
        }
    }

    @Test
    void readersLeaveWhatAWriterIsAboutToCommit() throws Exception {
        Path run = tmp.resolve("run");
        try (RunStore writer = RunStore.create(run, "{}")) {
            Path staged = Files.createDirectories(run.resolve(RunStore.MODELS).resolve("0001-seed"));
            RunStore.open(run).close();
            assertThat(staged).isDirectory();
        }
        try (RunStore writer = RunStore.openForWriting(run)) {
            assertThat(run.resolve(RunStore.MODELS).resolve("0001-seed")).doesNotExist();
        }
    }

    @Test
    void anotherProcessHoldsTheLockUntilItDiesAndTheRunThenReadsAsCrashed() throws Exception {
        Path run = tmp.resolve("run");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), run.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("holding");
            assertThatThrownBy(() -> RunStore.openForWriting(run)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("pid " + holder.pid());
            try (RunStore reader = RunStore.open(run)) {
                assertThat(reader.state()).isEqualTo(RunState.GROWING);
            }
            holder.destroyForcibly();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (RunStore reader = RunStore.open(run)) {
            assertThat(reader.state()).isEqualTo(RunState.CRASHED);
        }
        try (RunStore writer = RunStore.openForWriting(run)) {
            assertThat(writer.isWriter()).isTrue();
        }
    }

    /** A writer in its own process: creates the run, says so, and waits to be killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            RunStore store = RunStore.create(Path.of(args[0]), "{}");
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(120_000);
            store.close();
        }
    }
}
