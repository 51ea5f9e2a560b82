package dev.mitosis.run;

import dev.mitosis.io.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a candidate was made: the series of the frontier, the column of the candidates table. Stored in the
 * run store by its {@link #id}, which never changes once released; the label and the drawing may.
 */
public enum Method {
    SEED("seed", "seed", Family.SEED, Evaluation.AS_GIVEN, Glyph.DIAMOND, 0x6e7781),
    SPLIT("split", "split, fine-tuned", Family.GROWN, Evaluation.FINE_TUNED, Glyph.CIRCLE, 0x0969da),
    SPLIT_RETRAINED("split-retrained", "split widths, retrained", Family.GROWN, Evaluation.RETRAINED,
            Glyph.TRIANGLE_UP, 0x8250df),
    UNIFORM("uniform", "uniform, seed × k", Family.BASELINE, Evaluation.RETRAINED, Glyph.SQUARE, 0x1a7f37),
    UNIFORM_MBV1("uniform-mbv1", "uniform, MobileNetV1 × k", Family.BASELINE, Evaluation.RETRAINED, Glyph.SQUARE,
            0x1b7c83),
    UNIFORM_MBV2("uniform-mbv2", "uniform, MobileNetV2 × k", Family.BASELINE, Evaluation.RETRAINED, Glyph.SQUARE,
            0x4d2d00),
    RANDOM("random", "random splits, MAC-matched", Family.BASELINE, Evaluation.FINE_TUNED, Glyph.TRIANGLE_DOWN,
            0xe16f24),
    AUTOSLIM("autoslim", "AutoSlim widths, retrained", Family.BASELINE, Evaluation.RETRAINED, Glyph.DIAMOND, 0xbf3989),
    AUTOSLIM_SLIMMED("autoslim-slimmed", "AutoSlim supernet, slimmed", Family.BASELINE, Evaluation.SLIMMED,
            Glyph.CROSS, 0xd4a72c),
    /** The explorer's unsaved edit: never stored, never on the frontier. */
    EDIT("edit", "unsaved edit", Family.DRAFT, Evaluation.NONE, Glyph.CROSS, 0x59636e);

    /** Where a method's candidates come from. */
    public enum Family { SEED, GROWN, BASELINE, DRAFT }

    /** How a candidate's accuracy was reached. */
    public enum Evaluation {
        /** The seed as it was opened (trained elsewhere or by {@code train}). */
        AS_GIVEN,
        /** Inherited weights (split or duplicated), then fine-tuned. */
        FINE_TUNED,
        /** The architecture trained from fresh weights. */
        RETRAINED,
        /** Cut out of a trained supernet with its BN statistics recalibrated, not trained on its own. */
        SLIMMED,
        /** Not evaluated (a draft). */
        NONE
    }

    /** The marker views draw a method's points with. */
    public enum Glyph { CIRCLE, SQUARE, DIAMOND, TRIANGLE_UP, TRIANGLE_DOWN, CROSS }

    private final String id;
    private final String label;
    private final Family family;
    private final Evaluation evaluation;
    private final Glyph glyph;
    private final int rgb;

    Method(String id, String label, Family family, Evaluation evaluation, Glyph glyph, int rgb) {
        this.id = id;
        this.label = label;
        this.family = family;
        this.evaluation = evaluation;
        this.glyph = glyph;
        this.rgb = rgb;
    }

    /** The stable name in run stores, CSV and JSON output: {@code split-retrained}. */
    public String id() {
        return id;
    }

    /** What legends and tables say: {@code split widths, retrained}. */
    public String label() {
        return label;
    }

    public Family family() {
        return family;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    public Glyph glyph() {
        return glyph;
    }

    /** The colour of the method's series, 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    /** The method stored as {@code id}; {@code where} names the file or row for the error. */
    public static Method of(String id, String where) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst().orElseThrow(() ->
                new BadInputException(where + ": unknown method '" + id + "', expected one of "
                        + Arrays.stream(values()).map(Method::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
