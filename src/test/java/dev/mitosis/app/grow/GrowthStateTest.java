package dev.mitosis.app.grow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrowthStateTest {

    @Test
    void onlyTerminalStatesMayStartAndOnlyRunningOnesMayStop() {
        assertThat(GrowthState.IDLE.allows(GrowthState.STARTING)).isTrue();
        assertThat(GrowthState.CANCELLED.allows(GrowthState.STARTING)).isTrue();
        assertThat(GrowthState.RUNNING.allows(GrowthState.STARTING)).isFalse();
        assertThat(GrowthState.STOPPING.allows(GrowthState.RUNNING)).isFalse();
        assertThat(GrowthState.FINISHED.allows(GrowthState.STOPPING)).isFalse();
        assertThat(GrowthState.RUNNING.canStop()).isTrue();
        assertThat(GrowthState.STOPPING.canStop()).isFalse();
        assertThat(GrowthState.STOPPING.isActive()).isTrue();
        assertThat(GrowthState.FAILED.canStart()).isTrue();
    }
}
