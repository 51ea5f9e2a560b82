package dev.mitosis.app.grow;

import static org.assertj.core.api.Assertions.assertThat;


import dev.mitosis.app.workspace.Documents;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The monitor merges a flood of probe events into few chart frames, and follows the lifecycle. */
@ExtendWith(ApplicationExtension.class)
class GrowthMonitorTest {

    @Test
    void aThousandProbeEventsBecomeOneFrameWithTheLatestValues() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Workspace w = new Workspace();
            w.open(Documents.bundledSeed());
            GrowthMonitor m = new GrowthMonitor(w);
            assertThat(m.transition(GrowthState.IDLE, GrowthState.STARTING)).isTrue();
            assertThat(m.transition(GrowthState.IDLE, GrowthState.RUNNING)).isFalse();
            m.begin(new Job("Growth", 1, "Loading the data and the seed…", null, (sink, cancel) -> { }));
            AtomicInteger frames = new AtomicInteger();
            m.neuronsProperty().addListener((o, a, b) -> frames.incrementAndGet());
            NetworkSpec spec = BundledSeed.load().spec();
            List<String> keys = spec.topology().neuronLayers().stream().map(NeuronLayer::key).toList();
            m.offer(new LiveUpdate.Event(new GrowthEvent.RoundStarted(1, 1, w.selected().record())));
            for (int e = 0; e < 1000; e++) {
                List<double[]> values = new ArrayList<>();
                for (NeuronLayer l : spec.topology().neuronLayers()) {
                    double[] v = new double[l.width()];
                    java.util.Arrays.fill(v, -e);
                    values.add(v);
                }
                m.offer(new LiveUpdate.Event(new GrowthEvent.ProbeProgress(1, e / 1000.0, keys, values)));
            }
            m.drainNow();
            assertThat(m.state()).isEqualTo(GrowthState.RUNNING);
            assertThat(frames.get()).isEqualTo(1);
            NeuronFrame f = m.neuronsProperty().get();
            assertThat(f.neurons()).isEqualTo(spec.topology().neuronCount());
            assertThat(f.layers().get(0).lambdaMin()[0]).isEqualTo(-999);
            // live costs come from the parent's spec, so the energy chart can plot the probe too
            assertThat(f.layers()).allMatch(l -> l.macCost() > 0);
            m.offer(new LiveUpdate.Event(new GrowthEvent.Cancelled(1)));
            m.offer(new LiveUpdate.Ended(GrowthState.CANCELLED, ""));
            m.drainNow();
            assertThat(m.state()).isEqualTo(GrowthState.CANCELLED);
            assertThat(m.statusProperty().get()).startsWith("Stopped in round 1");
            return null;
        });
    }
}
