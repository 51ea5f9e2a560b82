package dev.mitosis.split;

import java.util.List;

/**
 * Progress of a probe, called on the engine thread. The arrays are fresh copies the listener may keep
 * (they are the current estimates, one per layer, in layer order). {@link #cancelled} is polled before
 * every batch.
 */
public interface ProbeListener {

    ProbeListener NONE = new ProbeListener() { };

    default void progress(int pass, int passes, int batch, int batches, List<double[]> lambdaMin) {
    }

    default boolean cancelled() {
        return false;
    }
}
