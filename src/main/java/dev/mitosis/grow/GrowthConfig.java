package dev.mitosis.grow;

import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.engine.SplittingPass;
import dev.mitosis.io.BadInputException;
import dev.mitosis.split.CostModel;
import dev.mitosis.split.FastProbe;
import dev.mitosis.split.Selection;
import dev.mitosis.train.TrainConfig;
import java.util.Locale;

/**
 * Everything that decides a growth run. Stored as JSON in the run store ({@link RunConfig}); a resumed
 * run must agree with it (see {@link RunConfig#checkResumable}). Build one with {@link #defaults}
 * {@code .toBuilder()} and named setters.
 *
 * @param strategy how neurons are chosen each round
 * @param grow the grow fraction: share of neurons (quantile) or of each group's cost (energy-aware)
 * @param costModel energy-aware cost per neuron
 * @param macTarget final MAC target for {@link Strategy#MAC_TARGET} (null otherwise): round r aims at
 *     seed·(target/seed)^(r/rounds), a geometric schedule that reaches the target in the last round
 * @param signedBound signed splitting: bound on Σ|offspring weights|
 * @param epsilon offspring step θ ± ε·v
 * @param probePasses fast-probe passes over {@code probeImages} training images (0 = all)
 * @param publishedCurvature leave out the depthwise path's curvature, as the published code does
 * @param seed seeds the probe's directions and data order, and the retrained candidates' weights
 * @param retrain also train every grown candidate's widths from scratch with the same epoch budget
 *     ({@code split-retrained}), so the frontier separates a good architecture from a good inheritance
 */
public record GrowthConfig(int rounds, Strategy strategy, double grow, CostModel costModel, Long macTarget,
                           boolean signed, double signedBound, double epsilon, boolean exactProbe, int probePasses,
                           double probeLr, int probeImages, boolean publishedCurvature, TrainConfig fineTune,
                           DeviceChoice device, long seed, boolean retrain) {

    public enum Strategy { QUANTILE, ENERGY_AWARE, MAC_TARGET;

        /** The name on the command line and in stored configs: {@code energy-aware}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @Override
        public String toString() {
            return id();
        }
    }

    public GrowthConfig {
        if (rounds < 1) {
            throw new BadInputException("--rounds must be at least 1, found " + rounds);
        }
        if (strategy == Strategy.MAC_TARGET && (macTarget == null || macTarget <= 0)) {
            throw new BadInputException("a MAC-target run needs --macs B with B > 0");
        }
        if (strategy != Strategy.MAC_TARGET && !(grow > 0 && grow <= 1)) {
            throw new BadInputException(String.format(Locale.ROOT, "--grow %s: the grow fraction must be in (0, 1]", grow));
        }
        if (strategy == null || costModel == null || fineTune == null || device == null) {
            throw new BadInputException("a growth config needs a strategy, a cost model, fine-tuning and a device");
        }
        new Selection.Signed(signed, signedBound);
        if (!(epsilon > 0)) {
            throw new BadInputException("--epsilon must be positive, found " + epsilon);
        }
        FastProbe.Options.published().withPasses(probePasses).withLr(probeLr);
    }

    /**
     * Short rounds that suit the bundled sample on a laptop CPU. The probe's 6 passes of 8,192 images rank
     * the trained seed's neurons as well as exact S2D on 2,048 other images ranks them (Spearman 0.60 vs
     * exact; exact vs exact on another subset: 0.59) in ~35 s on 2 cores; 2 passes of 4,096 gave 0.39, the
     * published 10 passes over all 10,000 images (2× the steps) 0.62. Fine-tuning: 3 epochs at lr 0.02.
     */
    public static GrowthConfig defaults() {
        return new GrowthConfig(3, Strategy.ENERGY_AWARE, 0.3, CostModel.SQRT_MACS, null, false,
                Selection.Signed.DEFAULT_BOUND, 0.01, false, 6, 0.01, 8192, false,
                TrainConfig.defaults().withEpochs(3).withLr(0.02), DeviceChoice.AUTO, 1, false);
    }

    public SplittingPass.Options curvature() {
        return SplittingPass.Options.defaults().withFullPath(!publishedCurvature);
    }

    /** The published probe with this run's passes, step, seed and curvature; λ_max too when signed. */
    public FastProbe.Options fastProbe() {
        return FastProbe.Options.published().withPasses(probePasses).withLr(probeLr).withMax(signed)
                .withCurvature(curvature()).withSeed(seed);
    }

    public Selection.Signed signedOptions() {
        return signed ? Selection.Signed.on(signedBound) : Selection.Signed.off();
    }

    /** MAC target of round {@code round} (1-based) from a seed of {@code seedMacs}. */
    public long roundTarget(long seedMacs, int round) {
        double ratio = (double) macTarget / seedMacs;
        return Math.round(seedMacs * Math.pow(ratio, (double) round / rounds));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Named setters over a starting config; {@link #build} validates. */
    public static final class Builder {
        private int rounds;
        private Strategy strategy;
        private double grow;
        private CostModel costModel;
        private Long macTarget;
        private boolean signed;
        private double signedBound;
        private double epsilon;
        private boolean exactProbe;
        private int probePasses;
        private double probeLr;
        private int probeImages;
        private boolean publishedCurvature;
        private TrainConfig fineTune;
        private DeviceChoice device;
        private long seed;
        private boolean retrain;

        private Builder(GrowthConfig c) {
            rounds = c.rounds;
            strategy = c.strategy;
            grow = c.grow;
            costModel = c.costModel;
            macTarget = c.macTarget;
            signed = c.signed;
            signedBound = c.signedBound;
            epsilon = c.epsilon;
            exactProbe = c.exactProbe;
            probePasses = c.probePasses;
            probeLr = c.probeLr;
            probeImages = c.probeImages;
            publishedCurvature = c.publishedCurvature;
            fineTune = c.fineTune;
            device = c.device;
            seed = c.seed;
            retrain = c.retrain;
        }

        public Builder rounds(int v) {
            rounds = v;
            return this;
        }

        public Builder strategy(Strategy v) {
            strategy = v;
            return this;
        }

        public Builder grow(double v) {
            grow = v;
            return this;
        }

        public Builder costModel(CostModel v) {
            costModel = v;
            return this;
        }

        /** Sets the final MAC target; null for none. */
        public Builder macTarget(Long v) {
            macTarget = v;
            return this;
        }

        public Builder signed(boolean v) {
            signed = v;
            return this;
        }

        public Builder signedBound(double v) {
            signedBound = v;
            return this;
        }

        public Builder epsilon(double v) {
            epsilon = v;
            return this;
        }

        public Builder exactProbe(boolean v) {
            exactProbe = v;
            return this;
        }

        public Builder probePasses(int v) {
            probePasses = v;
            return this;
        }

        public Builder probeLr(double v) {
            probeLr = v;
            return this;
        }

        public Builder probeImages(int v) {
            probeImages = v;
            return this;
        }

        public Builder publishedCurvature(boolean v) {
            publishedCurvature = v;
            return this;
        }

        public Builder fineTune(TrainConfig v) {
            fineTune = v;
            return this;
        }

        public Builder device(DeviceChoice v) {
            device = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder retrain(boolean v) {
            retrain = v;
            return this;
        }

        public GrowthConfig build() {
            return new GrowthConfig(rounds, strategy, grow, costModel, macTarget, signed, signedBound, epsilon,
                    exactProbe, probePasses, probeLr, probeImages, publishedCurvature, fineTune, device, seed, retrain);
        }
    }
}
