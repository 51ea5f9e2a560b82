package dev.mitosis.net;

import dev.mitosis.net.Block.Conv;
import dev.mitosis.net.Block.DepthwiseSeparable;
import dev.mitosis.net.Block.GlobalPool;
import dev.mitosis.net.Block.InvertedResidual;
import dev.mitosis.net.Block.Linear;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Architectures as data: each template is a short table of widths and strides turned into blocks by
 * one builder per family, and all width scaling goes through {@link #roundChannels}.
 *
 * <p>Inputs smaller than 112 pixels (CIFAR, Fashion-MNIST) use a stride-1 stem, as the splitting papers
 * do for 32×32 inputs; MobileNetV2 then also keeps its second stage at stride 1 (the usual CIFAR
 * variant). At 224×224 the stems have stride 2 and the networks are the published ones.
 */
public final class Templates {

    /** How a template is asked for: the CLI's {@code --width}, {@code --input}, {@code --classes}. */
    public record Options(double width, FeatureShape input, int classes, Optional<Activation> activation) {
        public Options {
            if (!(width > 0 && width <= 4)) {
                throw new IllegalArgumentException("width multiplier must be in (0, 4], found " + width);
            }
        }

        public static Options of(FeatureShape input, int classes) {
            return new Options(1.0, input, classes, Optional.empty());
        }
    }

    /** A named architecture family; {@code scalable} tells whether {@code --width} applies. */
    public record Template(String name, String description, boolean scalable, Factory factory) {
        public NetworkSpec create(Options options) {
            if (!scalable && options.width() != 1.0) {
                throw new IllegalArgumentException("template " + name + " has fixed widths; --width does not apply");
            }
            return factory.create(options);
        }
    }

    @FunctionalInterface
    public interface Factory {
        NetworkSpec create(Options options);
    }

    // MobileNetV1 (Howard et al. 2017, Table 1): pointwise widths and strides of the 13 blocks.
    private static final int[] MBV1_WIDTHS = {64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024};
    private static final int[] MBV1_STRIDES = {1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1};

    // The published splitting seed for MobileNetV1 (docs/algorithms.md §8): stem then 13 blocks, and caps.
    private static final int[] MBV1_SEED_WIDTHS = {8, 8, 8, 8, 16, 16, 24, 24, 24, 24, 24, 24, 32, 32};
    private static final int[] MBV1_SEED_CAPS = {32, 64, 128, 128, 320, 320, 640, 640, 640, 640, 640, 640, 1280,
            1280};

    // MobileNetV2 (Sandler et al. 2018, Table 2): expansion t, width c, repeats n, first stride s.
    private static final int[][] MBV2_STAGES = {
            {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    private static final Map<String, Template> REGISTRY = new LinkedHashMap<>();

    static {
        register(new Template("mbv1", "MobileNetV1 with width multiplier --width (ReLU)", true, Templates::mbv1));
        register(new Template("mbv2", "MobileNetV2 with width multiplier --width (ReLU6)", true, Templates::mbv2));
        register(new Template("mbv1-seed", "published MobileNetV1 splitting seed, widths 8..32 with caps (swish)",
                false, Templates::mbv1Seed));
        register(new Template("mbv2-seed", "MobileNetV2 splitting seed: half-width residual stream, expansion 2,"
                + " caps at 1.25x full width (swish)", false, Templates::mbv2Seed));
    }

    private Templates() {
    }

    private static void register(Template t) {
        REGISTRY.put(t.name(), t);
    }

    public static List<Template> all() {
        return List.copyOf(REGISTRY.values());
    }

    public static Optional<Template> find(String name) {
        return Optional.ofNullable(REGISTRY.get(name));
    }

    public static NetworkSpec create(String name, Options options) {
        Template t = find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown template '" + name + "', expected one of " + REGISTRY.keySet()));
        return t.create(options);
    }

    /**
     * Width scaling shared by all templates: {@code c·α} rounded to the nearest multiple of 8, at
     * least 8, and never more than 10% below {@code c·α} (the MobileNetV2 reference's make_divisible).
     */
    public static int roundChannels(double channels, int divisor) {
        int rounded = Math.max(divisor, (int) (channels + divisor / 2.0) / divisor * divisor);
        if (rounded < 0.9 * channels) {
            rounded += divisor;
        }
        return rounded;
    }

    private static boolean small(FeatureShape input) {
        return Math.min(input.height(), input.width()) < 112;
    }

    private static NetworkSpec mbv1(Options o) {
        Activation act = o.activation().orElse(Activation.RELU);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Conv(roundChannels(32 * o.width(), 8), 3, small(o.input()) ? 1 : 2, act));
        for (int i = 0; i < MBV1_WIDTHS.length; i++) {
            blocks.add(new DepthwiseSeparable(roundChannels(MBV1_WIDTHS[i] * o.width(), 8), MBV1_STRIDES[i], act));
        }
        return head(name("mbv1", o), o, blocks);
    }

    private static NetworkSpec mbv1Seed(Options o) {
        Activation act = o.activation().orElse(Activation.SWISH);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Conv(MBV1_SEED_WIDTHS[0], 3, small(o.input()) ? 1 : 2, act, MBV1_SEED_CAPS[0]));
        for (int i = 0; i < MBV1_STRIDES.length; i++) {
            blocks.add(new DepthwiseSeparable(MBV1_SEED_WIDTHS[i + 1], 3, MBV1_STRIDES[i], act, MBV1_SEED_CAPS[i + 1]));
        }
        return head("mbv1-seed", o, blocks);
    }

    private static NetworkSpec mbv2(Options o) {
        Activation act = o.activation().orElse(Activation.RELU6);
        boolean small = small(o.input());
        List<Block> blocks = new ArrayList<>();
        int in = roundChannels(32 * o.width(), 8);
        blocks.add(new Conv(in, 3, small ? 1 : 2, act));
        for (int s = 0; s < MBV2_STAGES.length; s++) {
            int[] stage = MBV2_STAGES[s];
            int out = roundChannels(stage[1] * o.width(), 8);
            for (int r = 0; r < stage[2]; r++) {
                int stride = r > 0 || (small && s == 1) ? 1 : stage[3];
                int hidden = stage[0] == 1 ? 0 : in * stage[0];
                blocks.add(new InvertedResidual(hidden, out, 3, stride, act, Block.NO_CAP));
                in = out;
            }
        }
        blocks.add(new Conv(o.width() > 1 ? roundChannels(1280 * o.width(), 8) : 1280, 1, 1, act));
        return head(name("mbv2", o), o, blocks);
    }

    private static NetworkSpec mbv2Seed(Options o) {
        Activation act = o.activation().orElse(Activation.SWISH);
        boolean small = small(o.input());
        List<Block> blocks = new ArrayList<>();
        int in = 16;
        int fullIn = 32;
        blocks.add(new Conv(in, 3, small ? 1 : 2, act, roundChannels(1.25 * fullIn, 8)));
        for (int s = 0; s < MBV2_STAGES.length; s++) {
            int[] stage = MBV2_STAGES[s];
            int out = roundChannels(stage[1] * 0.5, 8);
            for (int r = 0; r < stage[2]; r++) {
                int stride = r > 0 || (small && s == 1) ? 1 : stage[3];
                int hidden = stage[0] == 1 ? 0 : 2 * in;
                int cap = stage[0] == 1 ? Block.NO_CAP : roundChannels(1.25 * stage[0] * fullIn, 8);
                blocks.add(new InvertedResidual(hidden, out, 3, stride, act, cap));
                in = out;
                fullIn = stage[1];
            }
        }
        blocks.add(new Conv(320, 1, 1, act, 1600));
        return head("mbv2-seed", o, blocks);
    }

    private static NetworkSpec head(String name, Options o, List<Block> blocks) {
        blocks.add(new GlobalPool());
        blocks.add(new Linear());
        return new NetworkSpec(name, o.input(), o.classes(), blocks);
    }

    private static String name(String family, Options o) {
        return o.width() == 1.0 ? family : family + "-" + trim(o.width());
    }

    private static String trim(double width) {
        String s = Double.toString(width);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Names of all registered templates, for messages and completion. */
    public static String names() {
        return Arrays.toString(REGISTRY.keySet().toArray());
    }
}
