package dev.mitosis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mitosis.net.Activation;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * σ′ and σ″ as the splitting pass computes them, against finite differences of σ written out in plain
 * Java (smooth activations), and against the softplus surrogate's closed form at the kinks.
 */
class CurvatureTest {

    private static final double[] H = {-7.5, -4.0, -3.2, -3.0, -2.9, -1.0, -0.3, 0.0, 0.2, 1.0, 2.5, 2.9, 3.1, 5.8,
            6.0, 6.4, 9.0};
    private static final double BETA = 3.0;

    @BeforeAll
    static void engine() {
        EngineBoot.claimThread();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** softplus″ with sharpness β at h − at: a unit-mass bump standing in for δ(h − at). */
    private static double bump(double h, double at) {
        double s = sigmoid(BETA * (h - at));
        return BETA * s * (1 - s);
    }

    private record Derivatives(double[] value, double[] first, double[] second) {
    }

    private static Derivatives of(Activation a) {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            NDArray h = m.create(H);
            Curvature.Activated out = Curvature.activate(a, h, true, BETA);
            return new Derivatives(out.value().toDoubleArray(), out.first().toDoubleArray(),
                    out.second().toDoubleArray());
        }
    }

    @Test
    void swishHasItsTrueDerivatives() {
        DoubleUnaryOperator swish = x -> x * sigmoid(x);
        Derivatives d = of(Activation.SWISH);
        double step = 1e-4;
        for (int i = 0; i < H.length; i++) {
            double x = H[i];
            double first = (swish.applyAsDouble(x + step) - swish.applyAsDouble(x - step)) / (2 * step);
            double second = (swish.applyAsDouble(x + step) - 2 * swish.applyAsDouble(x) + swish.applyAsDouble(x - step))
                    / (step * step);
            assertThat(d.value()[i]).as("swish(%s)", x).isCloseTo(swish.applyAsDouble(x), within(1e-12));
            assertThat(d.first()[i]).as("swish'(%s)", x).isCloseTo(first, within(1e-7));
            assertThat(d.second()[i]).as("swish''(%s)", x).isCloseTo(second, within(1e-5));
        }
    }

    @Test
    void reluFamilyKeepsItsForwardAndFirstDerivativeAndSmoothsTheKinks() {
        Derivatives relu = of(Activation.RELU);
        Derivatives relu6 = of(Activation.RELU6);
        Derivatives hswish = of(Activation.HARD_SWISH);
        for (int i = 0; i < H.length; i++) {
            double x = H[i];
            assertThat(relu.value()[i]).isEqualTo(Math.max(0, x));
            assertThat(relu.first()[i]).as("relu'(%s)", x).isEqualTo(x > 0 ? 1.0 : 0.0);
            assertThat(relu.second()[i]).as("relu''(%s)", x).isCloseTo(bump(x, 0), within(1e-12));

            assertThat(relu6.value()[i]).isEqualTo(Math.min(6, Math.max(0, x)));
            assertThat(relu6.first()[i]).as("relu6'(%s)", x).isEqualTo(x > 0 && x < 6 ? 1.0 : 0.0);
            assertThat(relu6.second()[i]).as("relu6''(%s)", x).isCloseTo(bump(x, 0) - bump(x, 6), within(1e-12));

            boolean inside = x >= -3 && x <= 3;
            assertThat(hswish.value()[i]).isCloseTo(x * Math.min(6, Math.max(0, x + 3)) / 6, within(1e-12));
            assertThat(hswish.first()[i]).as("hswish'(%s)", x).isCloseTo(inside ? (2 * x + 3) / 6 : x > 3 ? 1 : 0,
                    within(1e-12));
            assertThat(hswish.second()[i]).as("hswish''(%s)", x)
                    .isCloseTo((inside ? 1.0 / 3 : 0) - 0.5 * (bump(x, -3) + bump(x, 3)), within(1e-12));
        }
    }
}
