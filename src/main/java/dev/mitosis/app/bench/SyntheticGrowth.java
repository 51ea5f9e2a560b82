package dev.mitosis.app.bench;

import dev.mitosis.app.grow.CancelToken;
import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowSeed;
import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.net.Costs;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.train.EpochMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A growth backend that runs no engine: it emits what a real round's probe emits — a
 * {@link GrowthEvent.ProbeProgress} with every neuron's current λ_min estimate, at a fixed rate, the
 * estimates converging like the fast probe's — then a selection, an epoch and the end. It loads the UI
 * exactly as a real growth does, with no training in the way, for the responsiveness benchmark.
 */
public final class SyntheticGrowth implements GrowthBackend {

    private final NetworkSpec spec;
    private final CandidateRecord parent;
    private final double probeSeconds;
    private final double eventsPerSecond;
    private final long seed;
    private volatile int events;

    /**
     * @param probeSeconds how long the probe phase lasts
     * @param eventsPerSecond probe events per second (the real session throttles to 10/s; more is harsher)
     */
    public SyntheticGrowth(NetworkSpec spec, CandidateRecord parent, double probeSeconds, double eventsPerSecond,
                           long seed) {
        this.spec = spec;
        this.parent = parent;
        this.probeSeconds = probeSeconds;
        this.eventsPerSecond = eventsPerSecond;
        this.seed = seed;
    }

    /** Probe events emitted so far. */
    public int events() {
        return events;
    }

    @Override
    public void run(GrowRequest request, GrowSeed growSeed, Sink sink, CancelToken cancel) {
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        List<String> keys = layers.stream().map(NeuronLayer::key).toList();
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> target = new ArrayList<>();
        List<double[]> estimate = new ArrayList<>();
        for (NeuronLayer l : layers) {
            double[] t = new double[l.width()];
            double[] e = new double[l.width()];
            for (int j = 0; j < t.length; j++) {
                t[j] = -0.02 * Math.abs(random.nextGaussian()) + 0.004 * random.nextGaussian();
                e[j] = 0.01 * random.nextGaussian();
            }
            target.add(t);
            estimate.add(e);
        }
        sink.on(new GrowthEvent.RoundStarted(1, 1, parent));
        long start = System.nanoTime();
        long period = (long) (1e9 / eventsPerSecond);
        long next = start;
        double duration = probeSeconds * 1e9;
        while (!cancel.isCancelled()) {
            long now = System.nanoTime();
            double fraction = Math.min(1, (now - start) / duration);
            for (int l = 0; l < estimate.size(); l++) {
                double[] e = estimate.get(l);
                double[] t = target.get(l);
                for (int j = 0; j < e.length; j++) {
                    e[j] += 0.15 * (t[j] - e[j]) + 0.0005 * random.nextGaussian();
                }
            }
            List<double[]> copies = estimate.stream().map(double[]::clone).toList();
            sink.on(new GrowthEvent.ProbeProgress(1, fraction, keys, copies));
            sink.on(new GrowthEvent.Progress(1, "probe", 0.3 * fraction, probeSeconds * (1 - fraction) + 1, Double.NaN));
            events++;
            if (fraction >= 1) {
                break;
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        if (cancel.isCancelled()) {
            sink.on(new GrowthEvent.Cancelled(1));
            return;
        }
        List<LayerSnapshot> snapshots = new ArrayList<>();
        double threshold = quantile(estimate, 0.1);
        for (int l = 0; l < layers.size(); l++) {
            double[] e = estimate.get(l);
            boolean[] chosen = new boolean[e.length];
            for (int j = 0; j < e.length; j++) {
                chosen[j] = e[j] <= threshold && e[j] < 0;
            }
            snapshots.add(new LayerSnapshot(keys.get(l), e.clone(), new double[0],
                    Costs.macIncrement(spec, layers.get(l)), chosen));
        }
        int added = snapshots.stream().mapToInt(LayerSnapshot::selectedCount).sum();
        sink.on(new GrowthEvent.SelectionMade(1, snapshots, spec.macs(), spec.macs(), added, "quantile(grow 0.1)",
                "synthetic"));
        sink.on(new GrowthEvent.EpochFinished(1, 1, new EpochMetrics(1, 0.4, 0.88, 0.38, 0.89, 0.02, 1, 1000)));
        sink.on(new GrowthEvent.Finished(List.of(), "synthetic round: " + events + " probe events"));
    }

    private static double quantile(List<double[]> values, double q) {
        double[] all = values.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.floor(q * all.length))];
    }
}
