package dev.mitosis.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LrScheduleTest {

    @Test
    void cosineStartsAtTheBaseRateAndEndsAtZero() {
        LrSchedule s = LrSchedule.cosine();
        assertThat(s.at(0.1, 0, 0, 100)).isEqualTo(0.1);
        assertThat(s.at(0.1, 5, 50, 100)).isCloseTo(0.05, within(1e-15));
        assertThat(s.at(0.1, 9, 100, 100)).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void stepDecaysEveryKEpochs() {
        LrSchedule s = new LrSchedule(LrSchedule.Kind.STEP, 30, 0.1);
        assertThat(s.at(0.1, 29, 0, 1)).isEqualTo(0.1);
        assertThat(s.at(0.1, 30, 0, 1)).isCloseTo(0.01, within(1e-15));
        assertThat(s.at(0.1, 65, 0, 1)).isCloseTo(0.001, within(1e-15));
    }
}
