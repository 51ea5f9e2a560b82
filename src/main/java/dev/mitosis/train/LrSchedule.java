package dev.mitosis.train;

import java.util.Locale;

/**
 * Learning rate over training. Cosine decays per step from lr to 0 over all epochs (SGDR without
 * restarts); step multiplies lr by γ every k epochs; constant keeps it.
 */
public record LrSchedule(Kind kind, int stepEvery, double stepGamma) {

    public enum Kind { COSINE, STEP, CONSTANT;

        /** The name on the command line and in stored configs: {@code cosine}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown LR schedule '" + s + "', expected cosine, step or constant");
            }
        }

        @Override
        public String toString() {
            return id();
        }
    }

    public LrSchedule {
        if (stepEvery < 1) {
            throw new IllegalArgumentException("step schedule needs a period of at least 1 epoch, found " + stepEvery);
        }
        if (!(stepGamma > 0 && stepGamma <= 1)) {
            throw new IllegalArgumentException("step schedule factor must be in (0, 1], found " + stepGamma);
        }
    }

    public static LrSchedule cosine() {
        return new LrSchedule(Kind.COSINE, 1, 1.0);
    }

    /** ×0.1 every 30 epochs: the step schedule's defaults when none are given. */
    public static LrSchedule step() {
        return new LrSchedule(Kind.STEP, 30, 0.1);
    }

    public static LrSchedule constant() {
        return new LrSchedule(Kind.CONSTANT, 1, 1.0);
    }

    /** Learning rate for global step {@code step} of {@code totalSteps}, in epoch {@code epoch} (0-based). */
    public double at(double baseLr, int epoch, long step, long totalSteps) {
        return switch (kind) {
            case COSINE -> baseLr * 0.5 * (1 + Math.cos(Math.PI * step / Math.max(1, totalSteps)));
            case STEP -> baseLr * Math.pow(stepGamma, epoch / stepEvery);
            case CONSTANT -> baseLr;
        };
    }

    @Override
    public String toString() {
        return kind == Kind.STEP ? "step(every " + stepEvery + ", x" + stepGamma + ")" : kind.toString();
    }
}
