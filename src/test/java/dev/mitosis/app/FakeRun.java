package dev.mitosis.app;

import dev.mitosis.run.Method;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.store.RunStore;
import dev.mitosis.train.EpochMetrics;
import dev.mitosis.weights.Initializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run store with made-up accuracies over real architectures (the bundled seed widened), for tests
 * that need several candidates without training any: seed, three split rounds whose last one is
 * larger but less accurate than the second, and a uniform baseline.
 */
final class FakeRun {

    final Path dir;
    final List<CandidateRecord> candidates = new ArrayList<>();

    private FakeRun(Path dir) {
        this.dir = dir;
    }

    static FakeRun create(Path dir) {
        return create(dir, false);
    }

    /**
     * As {@link #create}, plus a branch: a second round-2 candidate grown from round 1 (a sibling of
     * round 2 in the lineage), and round 2's retrained twin.
     */
    static FakeRun withBranch(Path dir) {
        return create(dir, true);
    }

    private static FakeRun create(Path dir, boolean branch) {
        FakeRun run = new FakeRun(dir);
        NetworkSpec seed = BundledSeed.load().spec();
        NetworkSpec r1 = seed.withWidth(6, 32).withWidth(7, 32);
        NetworkSpec r2 = r1.withWidth(11, 48).withWidth(12, 48).withWidth(13, 48);
        NetworkSpec r3 = r2.withWidth(1, 24).withWidth(2, 24).withWidth(3, 24);
        NetworkSpec uniform = seed.withWidth(6, 40).withWidth(7, 40).withWidth(8, 40);
        String config = new RunConfig("sample", Optional.empty(), GrowthConfig.defaults()).toJson();
        try (RunStore store = RunStore.create(dir, config)) {
            CandidateRecord s = run.add(store, 0, 0, Method.SEED, seed, 0.901);
            CandidateRecord a = run.add(store, s.id(), 1, Method.SPLIT, r1, 0.912);
            CandidateRecord b = run.add(store, a.id(), 2, Method.SPLIT, r2, 0.925);
            run.add(store, b.id(), 3, Method.SPLIT, r3, 0.921);
            run.add(store, 0, 0, Method.UNIFORM, uniform, 0.915);
            if (branch) {
                run.add(store, a.id(), 2, Method.SPLIT, r1.withWidth(8, 48), 0.918, "split-b2");
                run.add(store, b.id(), 2, Method.SPLIT_RETRAINED, r2, 0.927, "split-retrained-r2");
            }
            stats(store, 1, seed, r1);
            stats(store, 2, r1, r2);
            stats(store, 3, r2, r3);
            for (int round = 1; round <= 3; round++) {
                for (int e = 1; e <= 2; e++) {
                    store.addEpoch(round, "split", new EpochMetrics(e, 0.5 - 0.05 * round - 0.01 * e, 0.85 + 0.01 * e,
                            0.45 - 0.04 * round, 0.9 + 0.005 * round, 0.02, 3.0, 1000));
                }
            }
        }
        return run;
    }

    private CandidateRecord add(RunStore store, long parent, int round, Method method, NetworkSpec spec, double acc) {
        return add(store, parent, round, method, spec, acc, method.id() + "-r" + round);
    }

    private CandidateRecord add(RunStore store, long parent, int round, Method method, NetworkSpec spec, double acc,
                                String label) {
        Model m = new Model(spec, Initializer.initialize(spec, 7));
        CandidateRecord r = store.addCandidate(parent, round, method, label, m, acc, 0.3, 1.0, Map.of());
        candidates.add(r);
        return r;
    }

    /** Neuron statistics for a round from {@code before} to {@code after}: the neurons added are "selected". */
    private static void stats(RunStore store, int round, NetworkSpec before, NetworkSpec after) {
        List<LayerSnapshot> layers = new ArrayList<>();
        List<NeuronLayer> b = before.topology().neuronLayers();
        List<NeuronLayer> a = after.topology().neuronLayers();
        for (int l = 0; l < b.size(); l++) {
            int w = b.get(l).width();
            int added = a.get(l).width() - w;
            double[] lambda = new double[w];
            boolean[] selected = new boolean[w];
            for (int j = 0; j < w; j++) {
                lambda[j] = -0.001 * ((j * 7 + l * 3) % 11) + 0.0005;
                selected[j] = j < added;
            }
            layers.add(new LayerSnapshot(b.get(l).key(), lambda, new double[0], 1000L * (l + 1), selected));
        }
        store.putNeuronStats(round, Method.SPLIT, layers);
    }

    CandidateRecord byLabel(String label) {
        return candidates.stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
    }
}
