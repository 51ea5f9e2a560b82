package dev.mitosis.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A short run of the responsiveness benchmark on the headless platform: thousands of neurons streamed
 * into the Eigenvalues chart must not stall the FX thread. The bound here is loose (headless software
 * rendering on a shared CI machine); the measured p50/p99 are printed, and the full benchmark runs
 * with {@code mitosis bench ui}.
 */
class UiResponsivenessTest {

    @Test
    void theWindowKeepsItsFrameRateWhileThousandsOfNeuronsStreamIn() throws Exception {
        UiResponsiveness.Result r = UiResponsiveness.run(new UiResponsiveness.Options(1.0, 4, 50, 1));
        System.out.println(r);
        assertThat(r.neurons()).isGreaterThanOrEqualTo(5000);
        assertThat(r.events()).isGreaterThan(100);
        assertThat(r.redraws()).isGreaterThan(10);
        assertThat(r.frames()).isGreaterThan(60);
        assertThat(r.p50Ms()).isLessThan(40);
        assertThat(r.p99Ms()).isLessThan(120);
    }

    @Test
    void percentilesPickTheRankedValue() {
        double[] sorted = {10, 11, 12, 13, 14, 15, 16, 17, 18, 100};
        assertThat(UiResponsiveness.percentile(sorted, 0.5)).isEqualTo(14);
        assertThat(UiResponsiveness.percentile(sorted, 0.99)).isEqualTo(100);
        assertThat(UiResponsiveness.percentile(new double[0], 0.5)).isNaN();
    }
}
