package dev.mitosis.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.run.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCatalogTest {

    @TempDir
    Path root;

    private final Model seed = BundledSeed.load();

    private void run(String name, RunState end, double... accuracies) {
        try (RunStore s = RunStore.create(root.resolve(name), "{}")) {
            long parent = 0;
            for (int r = 0; r < accuracies.length; r++) {
                parent = s.addCandidate(parent, r, r == 0 ? Method.SEED : Method.SPLIT, "r" + r, seed, accuracies[r], 0.3,
                        1, Map.of()).id();
            }
            if (end != RunState.GROWING) {
                s.markState(end);
            }
        }
    }

    @Test
    void listsEveryRunWithItsStateRoundsAndBestCandidate() throws Exception {
        run("a-finished", RunState.FINISHED, 0.90, 0.91, 0.93);
        run("b-stopped", RunState.STOPPED, 0.90, 0.92);
        run("c-crashed", RunState.GROWING, 0.90);
        Files.createDirectories(root.resolve("not-a-run"));
        Files.createDirectories(root.resolve("d-broken"));
        Files.writeString(root.resolve("d-broken").resolve(RunStore.DATABASE), "this is not SQLite");

        RunCatalog.Listing listing = RunCatalog.scan(root);
        assertThat(listing.runs()).extracting(r -> r.directory().getFileName().toString())
                .containsExactlyInAnyOrder("a-finished", "b-stopped", "c-crashed");
        RunSummary a = listing.runs().stream().filter(r -> r.directory().endsWith("a-finished")).findFirst().orElseThrow();
        assertThat(a.state()).isEqualTo(RunState.FINISHED);
        assertThat(a.rounds()).isEqualTo(2);
        assertThat(a.candidates()).isEqualTo(3);
        assertThat(a.seedMacs()).isEqualTo(seed.spec().macs());
        assertThat(a.best().orElseThrow().accuracy()).isEqualTo(0.93);
        assertThat(listing.runs()).filteredOn(r -> r.directory().endsWith("b-stopped")).extracting(RunSummary::state)
                .containsExactly(RunState.STOPPED);
        assertThat(listing.runs()).filteredOn(r -> r.directory().endsWith("c-crashed")).extracting(RunSummary::state)
                .containsExactly(RunState.CRASHED);
        assertThat(listing.unreadable()).extracting(u -> u.directory().getFileName().toString())
                .containsExactly("d-broken");
        assertThat(listing.unreadable().get(0).reason()).contains(RunStore.DATABASE);
    }

    @Test
    void anEmptyOrMissingDirectoryHasNoRuns() {
        assertThat(RunCatalog.scan(root).runs()).isEmpty();
        assertThat(RunCatalog.scan(root.resolve("missing")).runs()).isEmpty();
    }
}
