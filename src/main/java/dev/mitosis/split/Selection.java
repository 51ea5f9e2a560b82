package dev.mitosis.split;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.Costs;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Chooses the neurons to split (docs/algorithms.md §3). Only splits that lower the loss (Q < 0) are ever
 * candidates, a neuron splits at most once per round, no layer grows past its cap, and none more than
 * doubles in one round. Pure functions of the spec, the probe result and the options.
 */
public final class Selection {

    /**
     * Signed splitting: off, or on with the bound c on Σ|w_i| (needs λ_max from the probe).
     */
    public record Signed(boolean enabled, double bound) {
        /** Mitosis's default bound c on Σ|w| (the signed-splitting paper's experiments use c = 2). */
        public static final double DEFAULT_BOUND = 2.0;

        public Signed {
            if (enabled && !(bound > 1)) {
                throw new IllegalArgumentException("signed splitting needs a weight bound c > 1, found " + bound);
            }
        }

        public static Signed off() {
            return new Signed(false, 1);
        }

        public static Signed on(double c) {
            return new Signed(true, c);
        }
    }

    /** β at or above which an LP variable counts as selected (the published threshold). */
    static final double SELECTED = 0.99;

    static {
        // ojAlgo otherwise asks on stdout for a hardware profile the first time it solves.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private Selection() {
    }

    /** S2D: the int(grow·N) neurons with the smallest Q < 0, N being all neurons. */
    public static Plan quantile(NetworkSpec spec, ProbeResult probe, double grow, Signed signed) {
        checkGrow(grow);
        List<Candidate> candidates = candidates(spec, probe, CostModel.CONSTANT, signed);
        candidates.sort(Comparator.comparingDouble(Candidate::q));
        int quota = (int) (grow * probe.neurons());
        List<Candidate> chosen = new ArrayList<>();
        int[] room = limits(spec);
        int added = 0;
        for (Candidate c : candidates) {
            if (added + c.added() > quota) {
                continue;
            }
            if (c.added() <= room[c.layer()]) {
                chosen.add(c);
                room[c.layer()] -= c.added();
                added += c.added();
            }
        }
        return plan(spec, chosen, String.format(Locale.ROOT, "quantile(grow %.3g)", grow), "");
    }

    /**
     * Energy-aware selection, the linear program of the energy-aware paper solved with ojAlgo:
     * <pre>
     *   minimise Σ_i β_i Q_i   subject to 0 ≤ β ≤ 1,
     *     per group g:  Σ_{i∈g} β_i·f_l(i)·m_i ≤ grow·Σ_{l∈g} C_l·f_l
     *     per layer l:  Σ_{i∈l} β_i·m_i ≤ min(C_l, Cmax_l − C_l)
     * </pre>
     * (m_i = neurons the split adds), then the neurons with β ≥ 0.99, most negative Q first, within each
     * layer's limit.
     *
     * @param groups layer indices of each budget group (see {@link #defaultGroups})
     */
    public static Plan energyAware(NetworkSpec spec, ProbeResult probe, double grow, CostModel cost,
                                   List<List<Integer>> groups, Signed signed) {
        checkGrow(grow);
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        double[] f = cost.neuronCosts(spec);
        List<Candidate> candidates = candidates(spec, probe, cost, signed);
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        List<Variable> beta = new ArrayList<>();
        for (Candidate c : candidates) {
            beta.add(lp.addVariable("b" + beta.size()).lower(0).upper(1).weight(c.q()));
        }
        boolean anyAffordable = false;
        for (int g = 0; g < groups.size(); g++) {
            double budget = 0;
            double cheapest = Double.POSITIVE_INFINITY;
            for (int l : groups.get(g)) {
                budget += grow * layers.get(l).width() * f[l];
                cheapest = Math.min(cheapest, f[l]);
            }
            anyAffordable |= budget >= cheapest;
            Expression e = lp.addExpression("group" + g).upper(budget);
            for (int i = 0; i < candidates.size(); i++) {
                if (groups.get(g).contains(candidates.get(i).layer())) {
                    e.set(beta.get(i), candidates.get(i).cost());
                }
            }
        }
        if (!anyAffordable) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "--grow %.3g: the budget of every group is smaller than one neuron; raise --grow", grow));
        }
        int[] limit = limits(spec);
        addLayerLimits(lp, candidates, beta, limit);
        List<Candidate> chosen = new ArrayList<>();
        if (!candidates.isEmpty()) {
            Optimisation.Result result = lp.minimise();
            if (!result.getState().isFeasible()) {
                throw new IllegalStateException("the selection LP has no feasible solution: " + result.getState());
            }
            List<Candidate> picked = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (result.doubleValue(i) >= SELECTED) {
                    picked.add(candidates.get(i));
                }
            }
            picked.sort(Comparator.comparingDouble(Candidate::q));
            int[] left = limit.clone();
            for (Candidate c : picked) {
                if (c.added() <= left[c.layer()]) {
                    chosen.add(c);
                    left[c.layer()] -= c.added();
                }
            }
        }
        return plan(spec, chosen, String.format(Locale.ROOT, "energy-aware(%s, grow %.3g)", cost.name(), grow), "");
    }

    /**
     * Grows toward a MAC target B: the knapsack LP (minimise Σβ_i Q_i subject to Σβ_i·m_i·Δ_l(i) ≤ B −
     * MACs and the layer limits), then an exact check of every pick with the grown spec's real MACs
     * (a neuron's increment depends on its neighbours' widths), then a fill pass over the remaining
     * candidates by Q per MAC, skipping any that would overshoot. The result lands at or under B; when
     * no more splits lower the loss it stops short and says so in the plan's note.
     */
    public static Plan macTarget(NetworkSpec spec, ProbeResult probe, long target, Signed signed) {
        long now = spec.macs();
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        long cheapest = layers.stream().mapToLong(l -> Costs.macIncrement(spec, l)).min().orElse(Long.MAX_VALUE);
        if (target - now < cheapest) {
            throw new BadInputException(String.format(Locale.ROOT, "--macs %d: %s has %d MACs and the cheapest neuron"
                    + " adds %d, so the budget holds none", target, spec.name(), now, cheapest));
        }
        List<Candidate> candidates = candidates(spec, probe, CostModel.MACS, signed);
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        List<Variable> beta = new ArrayList<>();
        Expression budget = lp.addExpression("macs").upper(target - now);
        for (Candidate c : candidates) {
            Variable b = lp.addVariable("b" + beta.size()).lower(0).upper(1).weight(c.q());
            budget.set(b, c.cost());
            beta.add(b);
        }
        int[] limit = limits(spec);
        addLayerLimits(lp, candidates, beta, limit);
        List<Candidate> first = new ArrayList<>();
        List<Candidate> rest = new ArrayList<>();
        if (!candidates.isEmpty()) {
            Optimisation.Result result = lp.minimise();
            for (int i = 0; i < candidates.size(); i++) {
                (result.doubleValue(i) >= SELECTED ? first : rest).add(candidates.get(i));
            }
        }
        first.sort(Comparator.comparingDouble(Candidate::q));
        rest.sort(Comparator.comparingDouble(c -> c.q() / c.cost()));
        List<Candidate> chosen = new ArrayList<>();
        int[] added = new int[layers.size()];
        for (List<Candidate> pass : List.of(first, rest)) {
            for (Candidate c : pass) {
                if (added[c.layer()] + c.added() > limit[c.layer()]) {
                    continue;
                }
                added[c.layer()] += c.added();
                if (widen(spec, added).macs() <= target) {
                    chosen.add(c);
                } else {
                    added[c.layer()] -= c.added();
                }
            }
        }
        long reached = widen(spec, added).macs();
        String note = "";
        if (target - reached >= cheapest) {
            note = String.format(Locale.ROOT, "stopped at %d of %d MACs: no further split lowers the loss within the"
                    + " caps this round", reached, target);
        }
        return plan(spec, chosen, "mac-target(" + target + ")", note);
    }

    /** Per layer: Σ_{i∈l} β_i·m_i ≤ limit_l (the cap, and at most doubling this round). */
    private static void addLayerLimits(ExpressionsBasedModel lp, List<Candidate> candidates, List<Variable> beta,
                                       int[] limit) {
        for (int l = 0; l < limit.length; l++) {
            Expression e = lp.addExpression("layer" + l).upper(limit[l]);
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).layer() == l) {
                    e.set(beta.get(i), candidates.get(i).added());
                }
            }
        }
    }

    /**
     * Published MobileNetV1 groups are layers 0–3 and 4–13: the layers at the input's resolution or half
     * of it, and the rest. The same rule on any network.
     */
    public static List<List<Integer>> defaultGroups(NetworkSpec spec) {
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        int side = Math.min(spec.input().height(), spec.input().width());
        List<Integer> high = new ArrayList<>();
        List<Integer> low = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            var out = layers.get(l).conv().output();
            (2 * Math.min(out.height(), out.width()) >= side ? high : low).add(l);
        }
        List<List<Integer>> groups = new ArrayList<>();
        if (!high.isEmpty()) {
            groups.add(high);
        }
        if (!low.isEmpty()) {
            groups.add(low);
        }
        return groups;
    }

    /** Every neuron's best split with Q < 0. */
    static List<Candidate> candidates(NetworkSpec spec, ProbeResult probe, CostModel cost, Signed signed) {
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        if (layers.isEmpty()) {
            throw new BadInputException(spec.name() + ": nothing to split (no conv with a nonlinear activation whose"
                    + " channels stay private)");
        }
        double[] f = cost.neuronCosts(spec);
        List<Candidate> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            NeuronLayer layer = layers.get(l);
            LayerProbe p = probe.layer(layer.key()).orElseThrow(() -> new IllegalArgumentException(
                    "the probe result has no layer " + layer.key()));
            if (p.width() != layer.width()) {
                throw new IllegalArgumentException(layer.key() + ": probe has " + p.width() + " neurons, the network "
                        + layer.width());
            }
            if (signed.enabled() && !p.hasMax()) {
                throw new IllegalArgumentException("signed splitting needs λ_max: probe with it estimated");
            }
            double[] maxima = p.lambdaMax().orElse(null);
            for (int j = 0; j < layer.width(); j++) {
                double lo = p.lambdaMin()[j];
                double hi = maxima == null ? Double.NaN : maxima[j];
                SplitKind best = SplitKind.POSITIVE;
                double q = lo;
                if (signed.enabled()) {
                    for (SplitKind k : List.of(SplitKind.SIGNED_PAIR, SplitKind.SIGNED_TRIPLE)) {
                        double qk = k.decrease(lo, hi, signed.bound());
                        if (qk < q) {
                            q = qk;
                            best = k;
                        }
                    }
                }
                if (q < 0) {
                    out.add(new Candidate(l, layer.key(), j, best, q, lo, hi, f[l]));
                }
            }
        }
        return out;
    }

    /** Neurons each layer may still gain: its cap, and at most doubling this round. */
    public static int[] limits(NetworkSpec spec) {
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        int[] limit = new int[layers.size()];
        for (int l = 0; l < limit.length; l++) {
            limit[l] = Math.min(layers.get(l).width(), layers.get(l).room());
        }
        return limit;
    }

    /** The spec with {@code added[l]} more neurons in splittable layer l. */
    public static NetworkSpec widen(NetworkSpec spec, int[] added) {
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        NetworkSpec out = spec;
        for (int l = 0; l < layers.size(); l++) {
            if (added[l] > 0) {
                out = out.withWidth(layers.get(l).block(), layers.get(l).width() + added[l]);
            }
        }
        return out;
    }

    private static Plan plan(NetworkSpec spec, List<Candidate> chosen, String strategy, String note) {
        int[] added = new int[spec.topology().neuronLayers().size()];
        chosen.forEach(c -> added[c.layer()] += c.added());
        return new Plan(spec, chosen, spec.macs(), widen(spec, added).macs(), strategy, note);
    }

    private static void checkGrow(double grow) {
        if (!(grow > 0 && grow <= 1)) {
            throw new BadInputException(String.format(Locale.ROOT, "--grow %s: the grow fraction must be in (0, 1]", grow));
        }
    }
}
