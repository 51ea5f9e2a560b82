package dev.mitosis.text;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Mitosis writes and reads numbers for people, in the explorer and on the terminal alike: MACs and
 * parameters with SI suffixes ("327.4 k", "1.24 M"), accuracies as percentages, durations as seconds
 * or m:ss. Pure functions, locale-independent. Machine-readable output (JSON, CSV) writes plain numbers.
 */
public final class Formats {

    private static final Pattern COUNT = Pattern.compile("([0-9]+(?:[.,][0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*([kKmMgG]?)");

    private Formats() {
    }

    /** A count with an SI suffix and four significant digits at most: 950, 12.3 k, 327.4 k, 4.21 M. */
    public static String count(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double a = Math.abs(value);
        if (a < 1_000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        String[] suffixes = {" k", " M", " G", " T"};
        double scaled = value;
        int i = -1;
        while (Math.abs(scaled) >= 1_000 && i < suffixes.length - 1) {
            scaled /= 1_000;
            i++;
        }
        double s = Math.abs(scaled);
        String pattern = s >= 100 ? "%.1f" : s >= 10 ? "%.2f" : "%.3f";
        return trimZeros(String.format(Locale.ROOT, pattern, scaled)) + suffixes[i];
    }

    /** {@code n} things in a sentence: "1 round", "3 rounds", "1,024 neurons" (nouns whose plural adds an s). */
    public static String counted(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** "+1.2 k" or "−350": a signed difference of counts. */
    public static String signedCount(double delta) {
        if (delta == 0) {
            return "0";
        }
        return (delta > 0 ? "+" : "−") + count(Math.abs(delta));
    }

    /** An accuracy in [0, 1] as a percentage with two decimals; "–" when unknown (NaN). */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    /** Seconds as "4.2 s" under a minute, m:ss, or h:mm:ss from an hour on; "–" when unknown or negative. */
    public static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "–";
        }
        if (seconds < 59.95) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * Reads a count as typed by a person: {@code 350000}, {@code 350,000}, {@code 350k}, {@code 0.35 M},
     * {@code 3.5e5}. Empty when the text is not such a count or is not positive.
     */
    public static Optional<Long> parseCount(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().replace("_", "").replace(" ", "");
        if (t.matches("[0-9]{1,3}(,[0-9]{3})+")) {
            t = t.replace(",", "");
        }
        Matcher m = COUNT.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        double v;
        try {
            v = Double.parseDouble(m.group(1).replace(',', '.'));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> v *= 1e3;
            case "m" -> v *= 1e6;
            case "g" -> v *= 1e9;
            default -> {
            }
        }
        if (!(v > 0) || v > Long.MAX_VALUE / 2.0) {
            return Optional.empty();
        }
        return Optional.of(Math.round(v));
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
