package dev.mitosis.net;

import java.util.Arrays;
import java.util.Locale;

/**
 * Nonlinearity after a batch norm. {@link #IDENTITY} marks a linear layer (the MobileNetV2 projection);
 * its second derivative is zero, so such a layer is never offered for splitting.
 */
public enum Activation {
    RELU("relu"),
    RELU6("relu6"),
    SWISH("swish"),
    HARD_SWISH("hardswish"),
    IDENTITY("linear");

    private final String jsonName;

    Activation(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in model.json, on the command line and in the GUI. */
    public String jsonName() {
        return jsonName;
    }

    /** True when σ″ is identically zero, i.e. splitting cannot lower the loss to second order. */
    public boolean isLinear() {
        return this == IDENTITY;
    }

    public static Activation parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (Activation a : values()) {
            if (a.jsonName.equals(wanted)) {
                return a;
            }
        }
        if (wanted.equals("silu")) {
            return SWISH;
        }
        throw new IllegalArgumentException("unknown activation '" + name + "', expected one of "
                + Arrays.stream(values()).map(Activation::jsonName).toList());
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
