package dev.mitosis.grow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.io.BadInputException;
import dev.mitosis.engine.SplittingPass;
import dev.mitosis.split.CostModel;
import dev.mitosis.split.FastProbe;
import dev.mitosis.split.Selection;
import dev.mitosis.train.LrSchedule;
import dev.mitosis.train.TrainConfig;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that decides a growth run. Stored as JSON in the run store; a resumed run must agree with
 * it (see {@link #checkResumable}).
 *
 * @param strategy how neurons are chosen each round
 * @param macTarget final MAC target for {@link Strategy#MAC_TARGET}: round r aims at
 *     seed·(target/seed)^(r/rounds), a geometric schedule that reaches the target in the last round
 * @param probePasses fast-probe passes over {@code probeImages} training images (0 = all)
 * @param retrain also train every grown candidate's widths from scratch with the same epoch budget
 *     (method "split-retrained"), so the frontier separates a good architecture from a good inheritance
 */
public record GrowthConfig(int rounds, Strategy strategy, double grow, String costModel, Long macTarget,
                           boolean signed, double signedBound, double epsilon, boolean exactProbe, int probePasses,
                           double probeLr, int probeImages, boolean publishedCurvature, TrainConfig fineTune,
                           String device, long seed, boolean retrain) {

    public enum Strategy { QUANTILE, ENERGY_AWARE, MAC_TARGET;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        CostModel.parse(costModel);
        new Selection.Signed(signed, signedBound);
        if (!(epsilon > 0)) {
            throw new BadInputException("--epsilon must be positive, found " + epsilon);
        }
        new FastProbe.Options(probePasses, probeLr, 0.2, 2, signed, SplittingPass.Options.defaults(), seed);
    }

    /**
     * Short rounds that suit the bundled sample on a laptop CPU. The probe's 6 passes of 8,192 images rank
     * the trained seed's neurons as well as exact S2D on 2,048 other images ranks them (Spearman 0.60 vs
     * exact; exact vs exact on another subset: 0.59) in ~35 s on 2 cores; 2 passes of 4,096 gave 0.39, the
     * published 10 passes over all 10,000 images (2× the steps) 0.62.
     */
    public static GrowthConfig defaults() {
        return new GrowthConfig(3, Strategy.ENERGY_AWARE, 0.3, "sqrt-macs", null, false, 2.0, 0.01, false, 6, 0.01,
                8192, false, new TrainConfig(3, 64, 0.02, LrSchedule.cosine(), 0.9, true, 1e-4, 0.0, true, 1), "auto", 1,
                false);
    }

    public SplittingPass.Options curvature() {
        return new SplittingPass.Options(3.0, !publishedCurvature);
    }

    public FastProbe.Options fastProbe() {
        return new FastProbe.Options(probePasses, probeLr, 0.2, 2, signed, curvature(), seed);
    }

    public Selection.Signed signedOptions() {
        return signed ? Selection.Signed.on(signedBound) : Selection.Signed.off();
    }

    /** MAC target of round {@code round} (1-based) from a seed of {@code seedMacs}. */
    public long roundTarget(long seedMacs, int round) {
        double ratio = (double) macTarget / seedMacs;
        return Math.round(seedMacs * Math.pow(ratio, (double) round / rounds));
    }

    public GrowthConfig withRounds(int n) {
        return new GrowthConfig(n, strategy, grow, costModel, macTarget, signed, signedBound, epsilon, exactProbe,
                probePasses, probeLr, probeImages, publishedCurvature, fineTune, device, seed, retrain);
    }

    public GrowthConfig withFineTune(TrainConfig t) {
        return new GrowthConfig(rounds, strategy, grow, costModel, macTarget, signed, signedBound, epsilon, exactProbe,
                probePasses, probeLr, probeImages, publishedCurvature, t, device, seed, retrain);
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("rounds", rounds);
        n.put("strategy", strategy.id());
        n.put("grow", grow);
        n.put("costModel", costModel);
        if (macTarget != null) {
            n.put("macTarget", macTarget);
        }
        n.put("signed", signed);
        n.put("signedBound", signedBound);
        n.put("epsilon", epsilon);
        n.put("exactProbe", exactProbe);
        n.put("probePasses", probePasses);
        n.put("probeLr", probeLr);
        n.put("probeImages", probeImages);
        n.put("publishedCurvature", publishedCurvature);
        ObjectNode t = n.putObject("fineTune");
        t.put("epochs", fineTune.epochs());
        t.put("batchSize", fineTune.batchSize());
        t.put("lr", fineTune.lr());
        t.put("schedule", fineTune.schedule().kind().toString());
        t.put("stepEvery", fineTune.schedule().stepEvery());
        t.put("stepGamma", fineTune.schedule().stepGamma());
        t.put("momentum", fineTune.momentum());
        t.put("nesterov", fineTune.nesterov());
        t.put("weightDecay", fineTune.weightDecay());
        t.put("labelSmoothing", fineTune.labelSmoothing());
        t.put("augment", fineTune.augment());
        n.put("device", device);
        n.put("seed", seed);
        n.put("retrain", retrain);
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GrowthConfig fromJson(String json, String source) {
        try {
            JsonNode n = JSON.readTree(json);
            JsonNode t = n.get("fineTune");
            TrainConfig fine = new TrainConfig(t.get("epochs").asInt(), t.get("batchSize").asInt(), t.get("lr").asDouble(),
                    new LrSchedule(LrSchedule.Kind.parse(t.get("schedule").asText()), t.get("stepEvery").asInt(),
                            t.get("stepGamma").asDouble()), t.get("momentum").asDouble(), t.get("nesterov").asBoolean(),
                    t.get("weightDecay").asDouble(), t.get("labelSmoothing").asDouble(), t.get("augment").asBoolean(),
                    n.get("seed").asLong());
            Strategy strategy = Strategy.valueOf(n.get("strategy").asText().toUpperCase(Locale.ROOT).replace('-', '_'));
            return new GrowthConfig(n.get("rounds").asInt(), strategy, n.get("grow").asDouble(),
                    n.get("costModel").asText(), n.has("macTarget") ? n.get("macTarget").asLong() : null,
                    n.get("signed").asBoolean(), n.get("signedBound").asDouble(), n.get("epsilon").asDouble(),
                    n.get("exactProbe").asBoolean(), n.get("probePasses").asInt(), n.get("probeLr").asDouble(),
                    n.get("probeImages").asInt(), n.get("publishedCurvature").asBoolean(), fine,
                    n.get("device").asText(), n.get("seed").asLong(), n.get("retrain").asBoolean());
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(source + ": stored growth config is unreadable (" + e.getMessage() + ")");
        }
    }

    /**
     * Fails with the first setting of {@code requested} that differs from {@code stored}, except the number
     * of rounds (a run may be extended) and the device (a run may move to another machine).
     */
    public static void checkResumable(GrowthConfig stored, GrowthConfig requested, String source) {
        try {
            JsonNode a = JSON.readTree(stored.withRounds(1).toJson());
            JsonNode b = JSON.readTree(requested.withRounds(1).toJson());
            ((ObjectNode) a).remove("device");
            ((ObjectNode) b).remove("device");
            String diff = firstDifference("", a, b);
            if (diff == null) {
                diff = firstDifference("", b, a);
                if (diff != null) {
                    diff = diff.replaceFirst("(.*) = (.*), which contradicts the stored (.*) = (.*)",
                            "$1 = $4, which contradicts the stored $3 = $2");
                }
            }
            if (diff != null) {
                throw new BadInputException(source + ": --resume with " + diff);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstDifference(String prefix, JsonNode stored, JsonNode requested) {
        for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode other = requested.get(e.getKey());
            String path = prefix + e.getKey();
            if (e.getValue().isObject() && other != null && other.isObject()) {
                String inner = firstDifference(path + ".", e.getValue(), other);
                if (inner != null) {
                    return inner;
                }
            } else if (!e.getValue().equals(other)) {
                return path + " = " + (other == null ? "(none)" : other) + ", which contradicts the stored " + path
                        + " = " + e.getValue();
            }
        }
        return null;
    }
}
