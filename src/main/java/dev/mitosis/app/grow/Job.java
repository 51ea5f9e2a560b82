package dev.mitosis.app.grow;

import dev.mitosis.app.workspace.RunDocument;

/**
 * One piece of engine work the {@link GrowService} runs: a growth from a seed, a resume, a branch, a
 * baseline, a training. All share the service's lifecycle ({@link GrowthState}), progress, Stop and
 * the {@link GrowthMonitor}'s live views; they differ only in what {@link Work} does on the engine
 * thread.
 *
 * @param noun what the status bar and dialogs call it: "Growth", "Resume", "Uniform baseline", …
 * @param rounds the rounds it grows, for "Round 2/3" (0 when it grows none)
 * @param starting the status line until the work reports progress
 * @param into the open run the job adds candidates to (its entries are read through it and join the
 *     open document live), or null when the job creates its own run (it reports it through
 *     {@link GrowthBackend.Sink#runCreated}) or none
 */
public record Job(String noun, int rounds, String starting, RunDocument into, Work work) {

    /** What a job does, on the engine thread; returns when done, cancelled (through the token) or failed. */
    @FunctionalInterface
    public interface Work {
        void run(GrowthBackend.Sink sink, CancelToken cancel) throws Exception;
    }

    public Job {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must not be negative, found " + rounds);
        }
    }
}
