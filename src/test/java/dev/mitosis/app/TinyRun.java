package dev.mitosis.app;

import dev.mitosis.data.DataSubset;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunState;
import dev.mitosis.store.RunStore;
import dev.mitosis.weights.Initializer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real run the engine can continue in seconds: the bundled seed on 300 sample images (200 to test),
 * one round of one fine-tuning epoch with one 256-image probe pass, left in a chosen state. With
 * {@code grown} it also holds round 1 (the seed widened, freshly initialised), as a finished growth
 * would.
 */
final class TinyRun {

    private TinyRun() {
    }

    static GrowthConfig config() {
        GrowthConfig d = GrowthConfig.defaults();
        return d.toBuilder().rounds(1).probePasses(1).probeImages(256).fineTune(d.fineTune().withEpochs(1))
                .device(DeviceChoice.CPU).build();
    }

    static List<CandidateRecord> create(Path dir, boolean grown, RunState state) {
        String config = new RunConfig("sample", Optional.empty(), new DataSubset(300, 200), config()).toJson();
        try (RunStore store = RunStore.create(dir, config)) {
            Model seed = BundledSeed.load();
            CandidateRecord s = store.addCandidate(0, 0, Method.SEED, "seed", seed, 0.9, 0.3, 1.0, Map.of());
            if (grown) {
                var spec = seed.spec().withWidth(6, 32).withWidth(7, 32);
                store.addCandidate(s.id(), 1, Method.SPLIT, "split-r1", new Model(spec, Initializer.initialize(spec, 7)),
                        0.91, 0.3, 1.0, Map.of());
            }
            store.markState(state);
            return store.candidates();
        }
    }
}
