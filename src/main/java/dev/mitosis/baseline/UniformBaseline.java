package dev.mitosis.baseline;

import dev.mitosis.run.CandidateRecord;
import dev.mitosis.grow.Finetuner;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.GrowthListener;
import dev.mitosis.model.Model;
import dev.mitosis.net.Block;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import dev.mitosis.run.Method;
import dev.mitosis.train.TrainConfig;
import dev.mitosis.weights.Initializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Uniform-width networks trained from scratch with the same epoch budget as the grown candidates
 * (docs/algorithms.md §7), in two profiles: the seed's widths × k ({@link Profile#SEED}), or a MobileNet
 * template with width multiplier k ({@link Profile#MBV1}, {@link Profile#MBV2}), the profile the papers
 * compare against.
 */
public final class UniformBaseline {

    /** Which widths a multiplier k scales. */
    public enum Profile {
        SEED("seed", Method.UNIFORM),
        MBV1("mbv1", Method.UNIFORM_MBV1),
        MBV2("mbv2", Method.UNIFORM_MBV2);

        private final String id;
        private final Method method;

        Profile(String id, Method method) {
            this.id = id;
            this.method = method;
        }

        /** {@code seed}, or the template's name. */
        public String id() {
            return id;
        }

        public Method method() {
            return method;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private UniformBaseline() {
    }

    public static List<CandidateRecord> run(Finetuner finetuner, NetworkSpec seed, List<Double> multipliers,
                                            Profile profile, TrainConfig train, long initSeed, GrowthListener listener) {
        List<CandidateRecord> out = new ArrayList<>();
        for (int i = 0; i < multipliers.size(); i++) {
            double k = multipliers.get(i);
            NetworkSpec spec = spec(seed, profile, k);
            Method method = profile.method();
            String phase = method.id() + " x" + k;
            int done = i;
            listener.on(new GrowthEvent.Progress(0, phase, (double) done / multipliers.size(), Double.NaN, Double.NaN));
            long t0 = System.nanoTime();
            Model fresh = new Model(spec, Initializer.initialize(spec, initSeed));
            // Progress within each network too: one network's training is most of the wait.
            Finetuner.Trained trained = finetuner.train(0, method.id() + "-" + k, fresh, train, (f, loss) -> listener.on(
                    new GrowthEvent.Progress(0, phase, (done + f) / multipliers.size(), Double.NaN, loss)));
            out.add(finetuner.store(0, 0, method, String.format(Locale.ROOT, "%s-x%s", method.id(), trim(k)), trained.model(),
                    trained.test(), train.epochs(), (System.nanoTime() - t0) / 1e9));
        }
        return out;
    }

    /** The network of a profile at multiplier k, with the seed's input and classes. */
    public static NetworkSpec spec(NetworkSpec seed, Profile profile, double k) {
        if (profile == Profile.SEED) {
            return scaled(seed, k);
        }
        return Templates.create(profile.id(), new Templates.Options(k, seed.input(), seed.classes(), Optional.empty()))
                .withName(profile.id() + "-" + trim(k));
    }

    /** Every width of {@code spec} times k (at least 1); caps scale along. Residual streams stay consistent. */
    public static NetworkSpec scaled(NetworkSpec spec, double k) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : spec.blocks()) {
            if (b instanceof Block.Conv c) {
                blocks.add(new Block.Conv(w(c.out(), k), c.kernel(), c.stride(), c.activation(), cap(c.cap(), c.out(), k)));
            } else if (b instanceof Block.DepthwiseSeparable d) {
                blocks.add(new Block.DepthwiseSeparable(w(d.out(), k), d.kernel(), d.stride(), d.activation(),
                        cap(d.cap(), d.out(), k)));
            } else if (b instanceof Block.InvertedResidual r) {
                int hidden = r.expands() ? w(r.hidden(), k) : 0;
                blocks.add(new Block.InvertedResidual(hidden, w(r.out(), k), r.kernel(), r.stride(), r.activation(),
                        r.expands() ? cap(r.cap(), r.hidden(), k) : r.cap()));
            } else {
                blocks.add(b);
            }
        }
        return new NetworkSpec(spec.name() + "-x" + trim(k), spec.input(), spec.classes(), blocks);
    }

    private static int w(int width, double k) {
        return Math.max(1, (int) Math.round(width * k));
    }

    private static int cap(int cap, int width, double k) {
        return cap == Block.NO_CAP ? Block.NO_CAP : Math.max(w(width, k), w(cap, k));
    }

    static String trim(double k) {
        String s = Double.toString(k);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
