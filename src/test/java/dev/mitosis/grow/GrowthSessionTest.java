package dev.mitosis.grow;

import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.run.Method;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.run.CandidateRecord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.store.RunStore;
import dev.mitosis.train.LrSchedule;
import dev.mitosis.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowthSessionTest {

    static DataSplit data;
    static Model seed;
    static Normalization normalization;
    /** What the sample seed's training.json says it was trained for. */
    static final int SEED_EPOCHS = 15;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        data = TinyData.split(40, 20);
        seed = ModelDirectory.read(Path.of("samples/mbv1-seed-fmnist"));
        normalization = Normalization.of(data.train());
    }

    /** Two rounds, one epoch each, one probe pass over 256 images. */
    static GrowthConfig quick(int rounds, double lr) {
        GrowthConfig d = GrowthConfig.defaults();
        return d.toBuilder().rounds(rounds).strategy(GrowthConfig.Strategy.ENERGY_AWARE).grow(0.2).probePasses(1)
                .probeImages(256).fineTune(d.fineTune().withEpochs(1).withLr(lr)).device(DeviceChoice.CPU)
                .build();
    }

    static String runConfig(GrowthConfig g) {
        return new RunConfig("tiny", Optional.empty(), g).toJson();
    }

    static List<GrowthEvent> run(RunStore store, GrowthConfig config, GrowthListener extra) {
        List<GrowthEvent> events = new ArrayList<>();
        new GrowthSession(seed, SEED_EPOCHS, data, normalization, config, store, e -> {
            events.add(e);
            extra.on(e);
        }).run();
        return events;
    }

    @Test
    void roundsStoreCandidatesStatisticsAndMetrics() {
        Path dir = tmp.resolve("run");
        GrowthConfig config = quick(2, 0.02);
        try (RunStore store = RunStore.create(dir, runConfig(config))) {
            List<GrowthEvent> events = run(store, config, e -> { });
            assertThat(events.get(events.size() - 1)).isInstanceOf(GrowthEvent.Finished.class);
            List<CandidateRecord> c = store.candidates();
            assertThat(c).extracting(CandidateRecord::method).containsExactly(Method.SEED, Method.SPLIT, Method.SPLIT);
            assertThat(c).extracting(CandidateRecord::round).containsExactly(0, 1, 2);
            assertThat(c.get(1).parentId()).isEqualTo(c.get(0).id());
            assertThat(c.get(2).parentId()).isEqualTo(c.get(1).id());
            // the seed's own training counts in the budget that retraining and baselines get
            assertThat(TrainingRecord.read(store.modelDirectory(c.get(0))).orElseThrow().epochs())
                    .isEqualTo(SEED_EPOCHS);
            assertThat(TrainingRecord.read(store.modelDirectory(c.get(2))).orElseThrow().epochs()).isEqualTo(1);
            assertThat(c.get(2).macs()).isGreaterThan(c.get(1).macs()).isGreaterThan(c.get(0).macs());
            for (CandidateRecord r : c) {
                Model m = store.loadModel(r);
                assertThat(m.spec().macs()).isEqualTo(r.macs());
                assertThat(m.spec().topology().neuronLayers().stream().map(l -> l.width()).toList()).isEqualTo(r.widths());
            }
            GrowthEvent.SelectionMade selection = events.stream().filter(GrowthEvent.SelectionMade.class::isInstance)
                    .map(GrowthEvent.SelectionMade.class::cast).findFirst().orElseThrow();
            List<dev.mitosis.run.LayerSnapshot> stats = store.neuronStats(1, Method.SPLIT);
            assertThat(stats).hasSize(14);
            assertThat(stats.stream().mapToInt(LayerSnapshot::selectedCount).sum()).isEqualTo(selection.neuronsAdded());
            assertThat(stats.get(0).lambdaMin()).containsExactly(selection.layers().get(0).lambdaMin());
            assertThat(store.epochs(1, Method.SPLIT.id())).hasSize(1);
            assertThat(store.epochs(2, Method.SPLIT.id()).get(0).testAccuracy()).isEqualTo(c.get(2).accuracy());
            assertThat(events).anyMatch(e -> e instanceof GrowthEvent.ProbeProgress p && p.lambdaMin().size() == 14);
        }
        try (RunStore reopened = RunStore.open(dir)) {
            assertThat(reopened.candidates()).hasSize(3);
        }
    }

    @Test
    void aBranchGrowsFromAnEarlierCandidateAndKeepsEveryRoundsStatistics() {
        Path dir = tmp.resolve("run");
        GrowthConfig config = quick(2, 0.02).toBuilder().retrain(true).build();
        try (RunStore store = RunStore.create(dir, runConfig(config))) {
            run(store, config, e -> { });
            CandidateRecord r1 = store.candidates().stream().filter(c -> c.label().equals("r1")).findFirst()
                    .orElseThrow();
            List<GrowthEvent> events = new ArrayList<>();
            new GrowthSession(seed, SEED_EPOCHS, data, normalization, config, store, events::add)
                    .branchFrom(r1.id(), 1).run();
            assertThat(events.get(events.size() - 1)).isInstanceOf(GrowthEvent.Finished.class);
            List<CandidateRecord> split = store.candidates().stream().filter(c -> c.method() == Method.SPLIT).toList();
            assertThat(split).extracting(CandidateRecord::label).containsExactly("r1", "r2", "r3");
            CandidateRecord branch = split.get(2);
            assertThat(branch.parentId()).isEqualTo(r1.id());
            assertThat(store.neuronStats(2, Method.SPLIT)).isNotEmpty();
            assertThat(store.neuronStats(3, Method.SPLIT)).isNotEmpty();
            // retraining gets the epochs behind the branch's weights: the seed's, r1's and its own
            CandidateRecord retrained = store.candidates().stream()
                    .filter(c -> c.method() == Method.SPLIT_RETRAINED && c.parentId() == branch.id()).findFirst()
                    .orElseThrow();
            assertThat(TrainingRecord.read(store.modelDirectory(retrained)).orElseThrow().epochs())
                    .isEqualTo(SEED_EPOCHS + 2);
            assertThat(store.lineageEpochs(branch)).isEqualTo(SEED_EPOCHS + 2);
        }
    }

    @Test
    void cancelMidRoundKeepsTheStoreConsistentAndTheRunResumes() throws Exception {
        Path dir = tmp.resolve("run");
        GrowthConfig config = quick(2, 0.02);
        try (RunStore store = RunStore.create(dir, runConfig(config))) {
            GrowthSession[] session = new GrowthSession[1];
            List<GrowthEvent> events = new ArrayList<>();
            session[0] = new GrowthSession(seed, SEED_EPOCHS, data, normalization, config, store, e -> {
                events.add(e);
                if (e instanceof GrowthEvent.Progress p && p.round() == 2 && p.phase().equals("fine-tune")) {
                    session[0].cancel();
                }
            });
            session[0].run();
            assertThat(events.get(events.size() - 1)).isInstanceOf(GrowthEvent.Cancelled.class);
            assertThat(store.candidates()).extracting(CandidateRecord::label).containsExactly("seed", "r1");
        }
        try (Stream<Path> models = Files.list(dir.resolve(RunStore.MODELS))) {
            assertThat(models.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("0001-seed", "0002-r1");
        }
        try (RunStore store = RunStore.openForWriting(dir)) {
            List<GrowthEvent> events = run(store, config, e -> { });
            assertThat(events.get(0)).isInstanceOf(GrowthEvent.RoundStarted.class);
            assertThat(((GrowthEvent.RoundStarted) events.get(0)).round()).isEqualTo(2);
            assertThat(store.candidates()).extracting(CandidateRecord::label).containsExactly("seed", "r1", "r2");
            assertThat(store.epochs(2, Method.SPLIT.id())).hasSize(1);
        }
    }

    @Test
    void divergingFineTuningRetriesOnceAtHalfTheRateThenStops() {
        Path dir = tmp.resolve("run");
        GrowthConfig config = quick(1, 1e30);
        try (RunStore store = RunStore.create(dir, runConfig(config))) {
            List<GrowthEvent> events = run(store, config, e -> { });
            List<GrowthEvent.RoundRetried> retries = events.stream().filter(GrowthEvent.RoundRetried.class::isInstance)
                    .map(GrowthEvent.RoundRetried.class::cast).toList();
            assertThat(retries).hasSize(1);
            assertThat(retries.get(0).newLr()).isEqualTo(5e29);
            GrowthEvent last = events.get(events.size() - 1);
            assertThat(last).isInstanceOf(GrowthEvent.Failed.class);
            assertThat(((GrowthEvent.Failed) last).message()).contains("diverged twice");
            assertThat(store.candidates()).extracting(CandidateRecord::label).containsExactly("seed");
            assertThat(store.epochs(1, Method.SPLIT.id())).isEmpty();
        }
    }
}
