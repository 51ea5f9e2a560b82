package dev.mitosis.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.Costs;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.net.Templates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class SelectionTest {

    static final NetworkSpec SEED = Templates.create("mbv1-seed", Templates.Options.of(new FeatureShape(3, 32, 32), 10));

    /** A probe result with λ_min and λ_max drawn by the given suppliers. */
    static ProbeResult probe(NetworkSpec spec, DoubleSupplier lambdaMin, DoubleSupplier lambdaMax) {
        List<LayerProbe> layers = new ArrayList<>();
        for (NeuronLayer l : spec.topology().neuronLayers()) {
            double[] lo = new double[l.width()];
            double[] hi = new double[l.width()];
            double[][] v = new double[l.width()][l.fanIn()];
            for (int j = 0; j < l.width(); j++) {
                lo[j] = lambdaMin.getAsDouble();
                hi[j] = Math.max(lo[j], lambdaMax.getAsDouble());
                v[j][0] = 1;
            }
            layers.add(new LayerProbe(l.key(), l.weightKey(), l.width(), l.fanIn(), lo, v, Optional.of(hi), Optional.of(v)));
        }
        return new ProbeResult(layers, "synthetic", "full", 0, 0);
    }

    static ProbeResult mostlyNegative(long seed) {
        Random r = new Random(seed);
        return probe(SEED, () -> r.nextGaussian() - 0.5, () -> Math.abs(r.nextGaussian()));
    }

    @Test
    void energyAwareRespectsEveryBudgetAndCap() {
        ProbeResult p = mostlyNegative(1);
        double grow = 0.4;
        List<List<Integer>> groups = Selection.defaultGroups(SEED);
        assertThat(groups).containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 13));
        Plan plan = Selection.energyAware(SEED, p, grow, CostModel.SQRT_MACS, groups, Selection.Signed.off());
        assertThat(plan.selected()).isNotEmpty();
        double[] f = CostModel.SQRT_MACS.neuronCosts(SEED);
        List<NeuronLayer> layers = SEED.topology().neuronLayers();
        for (List<Integer> g : groups) {
            double budget = g.stream().mapToDouble(l -> grow * layers.get(l).width() * f[l]).sum();
            double spent = plan.selected().stream().filter(c -> g.contains(c.layer())).mapToDouble(Candidate::cost).sum();
            assertThat(spent).isLessThanOrEqualTo(budget + 1e-9);
        }
        int[] added = plan.addedPerLayer();
        for (int l = 0; l < layers.size(); l++) {
            assertThat(added[l]).isLessThanOrEqualTo(Math.min(layers.get(l).width(), layers.get(l).cap() - layers.get(l).width()));
        }
        assertThat(plan.selected()).allMatch(c -> c.q() < 0);
        assertThat(plan.selected()).extracting(c -> c.layer() + ":" + c.neuron()).doesNotHaveDuplicates();
        assertThat(plan.macsAfter()).isEqualTo(plan.grownSpec().macs()).isGreaterThan(plan.macsBefore());
    }

    @Test
    void capsBindInTheLp() {
        // A seed whose stem sits one neuron below its cap: the LP may add exactly one there.
        NetworkSpec capped = SEED.withBlock(0, new Block.Conv(8, 3, 1, Activation.SWISH, 9));
        Random r = new Random(2);
        ProbeResult p = probe(capped, () -> -1 - r.nextDouble(), () -> 1);
        Plan plan = Selection.energyAware(capped, p, 1.0, CostModel.CONSTANT, Selection.defaultGroups(capped),
                Selection.Signed.off());
        assertThat(plan.addedPerLayer()[0]).isEqualTo(1);
        Plan quantile = Selection.quantile(capped, p, 1.0, Selection.Signed.off());
        assertThat(quantile.addedPerLayer()[0]).isEqualTo(1);
    }

    @Test
    void withConstantCostsTheLpTakesTheMostNegativeNeurons() {
        ProbeResult p = mostlyNegative(3);
        List<Integer> all = new ArrayList<>();
        for (int l = 0; l < SEED.topology().neuronLayers().size(); l++) {
            all.add(l);
        }
        double grow = 0.25;
        Plan lp = Selection.energyAware(SEED, p, grow, CostModel.CONSTANT, List.of(all), Selection.Signed.off());
        // Budget grow·N neurons, layer limits far from binding at 25%: the optimum is the k most negative.
        int k = (int) Math.floor(grow * p.neurons());
        List<Candidate> greedy = Selection.candidates(SEED, p, CostModel.CONSTANT, Selection.Signed.off());
        greedy.sort(Comparator.comparingDouble(Candidate::q));
        assertThat(lp.selected()).hasSize(k);
        assertThat(lp.predictedCoefficient()).isCloseTo(greedy.subList(0, k).stream().mapToDouble(Candidate::q).sum(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void nothingIsSplitWhenNoSplitLowersTheLoss() {
        ProbeResult stable = probe(SEED, () -> 0.5, () -> 2.0);
        assertThat(Selection.quantile(SEED, stable, 0.5, Selection.Signed.off()).isEmpty()).isTrue();
        assertThat(Selection.energyAware(SEED, stable, 0.5, CostModel.SQRT_MACS, Selection.defaultGroups(SEED),
                Selection.Signed.off()).isEmpty()).isTrue();
        Plan target = Selection.macTarget(SEED, stable, SEED.macs() * 2, Selection.Signed.off());
        assertThat(target.isEmpty()).isTrue();
        assertThat(target.note()).contains("stopped at");
        // …but with signed splitting a splitting-stable neuron with λ_max > 0 still has a way down.
        Plan signed = Selection.quantile(SEED, stable, 0.5, Selection.Signed.on(2));
        assertThat(signed.selected()).isNotEmpty().allMatch(c -> c.kind() == SplitKind.SIGNED_PAIR);
    }

    @Test
    void macTargetIsMetFromBelow() {
        ProbeResult p = mostlyNegative(4);
        long target = SEED.macs() + 300_000;
        Plan plan = Selection.macTarget(SEED, p, target, Selection.Signed.off());
        long cheapest = SEED.topology().neuronLayers().stream().mapToLong(l -> Costs.macIncrement(SEED, l)).min().orElseThrow();
        assertThat(plan.macsAfter()).isLessThanOrEqualTo(target).isGreaterThan(target - 2 * cheapest);
        assertThat(plan.grownSpec().macs()).isEqualTo(plan.macsAfter());
    }

    @Test
    void signedSplitKindDependsOnBothEigenvalues() {
        double c = 2;
        // λ_min < 0: the triple beats the pair and the positive split.
        assertThat(SplitKind.SIGNED_TRIPLE.decrease(-1, 1, c)).isLessThan(SplitKind.POSITIVE.decrease(-1, 1, c))
                .isLessThan(SplitKind.SIGNED_PAIR.decrease(-1, 1, c));
        // λ_min > 0: only the pair lowers the loss.
        assertThat(SplitKind.SIGNED_PAIR.decrease(0.2, 1, c)).isNegative()
                .isLessThan(SplitKind.SIGNED_TRIPLE.decrease(0.2, 1, c));
        // c = 1 leaves only positive weights: the signed families collapse to S2D.
        assertThat(SplitKind.SIGNED_TRIPLE.decrease(-1, 3, 1)).isEqualTo(-1);
        assertThat(SplitKind.SIGNED_PAIR.decrease(-1, 3, 1)).isZero();
    }

    @Test
    void badInputsAreRefusedWithAClearLine() {
        ProbeResult p = mostlyNegative(5);
        assertThatThrownBy(() -> Selection.quantile(SEED, p, 0, Selection.Signed.off()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Selection.quantile(SEED, p, 1.5, Selection.Signed.off()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--grow 1.5");
        assertThatThrownBy(() -> Selection.macTarget(SEED, p, SEED.macs() + 10, Selection.Signed.off()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("the budget holds none");
        assertThatThrownBy(() -> Selection.energyAware(SEED, p, 1e-4, CostModel.SQRT_MACS, Selection.defaultGroups(SEED),
                Selection.Signed.off())).isInstanceOf(BadInputException.class).hasMessageContaining("smaller than one neuron");
        NetworkSpec linear = new NetworkSpec("linear", new FeatureShape(1, 8, 8), 10, List.of(
                new Block.Conv(4, 3, 1, Activation.IDENTITY), new Block.GlobalPool(), new Block.Linear()));
        assertThatThrownBy(() -> Selection.quantile(linear, new ProbeResult(List.of(), "x", "full", 0, 0), 0.5,
                Selection.Signed.off())).isInstanceOf(BadInputException.class).hasMessageContaining("nothing to split");
    }
}
