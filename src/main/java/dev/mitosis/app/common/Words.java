package dev.mitosis.app.common;

import java.util.Locale;

/** Counts of things in the explorer's sentences: "1 round", "3 rounds", "1 neuron". */
public final class Words {

    private Words() {
    }

    /** {@code n} and the noun, plural unless {@code n} is one; for nouns whose plural adds an s. */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
