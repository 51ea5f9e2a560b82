package dev.mitosis.baseline;

import dev.mitosis.run.Method;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.grow.Finetuner;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.GrowthListener;
import dev.mitosis.model.Model;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.split.NeuronSplit;
import dev.mitosis.split.Selection;
import dev.mitosis.split.Surgery;
import dev.mitosis.train.TrainConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random splitting, Net2Net-style (docs/algorithms.md §7): each round duplicates randomly chosen neurons,
 * halves their fan-out and nudges the two copies apart by ±ε along a random unit direction, then
 * fine-tunes exactly like the splitting run. Matched to the splitting run by MACs, not neuron counts
 * (per-neuron cost varies several-hundred-fold across layers): it walks random neurons and skips any
 * that would take the network past the splitting round's MACs. The same caps and at-most-doubling
 * limits as splitting apply.
 */
public final class RandomSplitBaseline {

    private RandomSplitBaseline() {
    }

    /**
     * @param rounds the splitting run's candidates, one per round, whose MACs are the targets
     * @param seedId store id of the seed candidate the first round grows from
     */
    public static List<CandidateRecord> run(Finetuner finetuner, Model seed, long seedId, List<CandidateRecord> rounds,
                                            TrainConfig fineTune, double epsilon, long randomSeed,
                                            GrowthListener listener) {
        Random random = new Random(randomSeed);
        List<CandidateRecord> out = new ArrayList<>();
        List<CandidateRecord> ordered = new ArrayList<>(rounds);
        ordered.sort(Comparator.comparingInt(CandidateRecord::round));
        Model current = seed;
        long parent = seedId;
        for (int i = 0; i < ordered.size(); i++) {
            CandidateRecord target = ordered.get(i);
            long t0 = System.nanoTime();
            String phase = Method.RANDOM.id() + " seed " + randomSeed;
            int done = i;
            listener.on(new GrowthEvent.Progress(target.round(), phase, (double) done / ordered.size(), Double.NaN,
                    Double.NaN));
            Map<String, List<NeuronSplit>> splits = choose(current.spec(), target.macs(), epsilon, random);
            if (splits.isEmpty()) {
                break;
            }
            Model grown = Surgery.apply(current, splits);
            Finetuner.Trained trained = finetuner.train(target.round(), Method.RANDOM.id() + "-" + randomSeed, grown,
                    fineTune, (f, loss) -> listener.on(new GrowthEvent.Progress(target.round(), phase,
                            (done + f) / ordered.size(), Double.NaN, loss)));
            CandidateRecord record = finetuner.store(parent, target.round(), Method.RANDOM,
                    "r" + target.round() + "-s" + randomSeed, trained.model(), trained.test(), fineTune.epochs(),
                    (System.nanoTime() - t0) / 1e9);
            out.add(record);
            current = trained.model();
            parent = record.id();
        }
        return out;
    }

    /** Random neurons within the limits, walked until nothing more fits under {@code targetMacs}. */
    static Map<String, List<NeuronSplit>> choose(NetworkSpec spec, long targetMacs, double epsilon, Random random) {
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        List<int[]> all = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            for (int j = 0; j < layers.get(l).width(); j++) {
                all.add(new int[] {l, j});
            }
        }
        Collections.shuffle(all, random);
        int[] limit = Selection.limits(spec);
        int[] added = new int[layers.size()];
        Map<String, List<NeuronSplit>> splits = new LinkedHashMap<>();
        for (int[] n : all) {
            int l = n[0];
            if (added[l] >= limit[l]) {
                continue;
            }
            added[l]++;
            if (Selection.widen(spec, added).macs() > targetMacs) {
                added[l]--;
                continue;
            }
            NeuronLayer layer = layers.get(l);
            splits.computeIfAbsent(layer.key(), k -> new ArrayList<>())
                    .add(NeuronSplit.symmetric(n[1], unitVector(layer.fanIn(), random), epsilon));
        }
        return splits;
    }

    private static double[] unitVector(int d, Random random) {
        double[] v = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            v[i] = random.nextGaussian();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < d; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
