package dev.mitosis.app;

import dev.mitosis.app.grow.CancelToken;
import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowSeed;
import dev.mitosis.app.grow.GrowthBackend;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.Model;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import dev.mitosis.store.RunStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A growth backend the test drives step by step: each step runs on the engine thread as the real
 * session's code would, so a test decides exactly what the explorer sees and when. Without steps it
 * waits; a Stop with nothing queued for a while ends it as cancelled, so a closed explorer never waits
 * on it.
 */
final class ScriptedGrowth implements GrowthBackend {

    /** One thing the backend does. */
    @FunctionalInterface
    interface Step {
        void run(Run run) throws Exception;
    }

    /** What a step can use: the request, the sink, the run's store once {@link #createStore} made it. */
    static final class Run {
        final GrowRequest request;
        final Sink sink;
        RunStore store;

        Run(GrowRequest request, Sink sink) {
            this.request = request;
            this.sink = sink;
        }

        /** Creates the run's store in the requested directory and reports it, as the session backend does. */
        void createStore() {
            store = RunStore.create(request.runDirectory(),
                    new RunConfig(request.dataset(), Optional.empty(), GrowthConfig.defaults()).toJson());
            sink.runCreated(store);
        }

        /** Stores {@code model} as a candidate and reports it. */
        CandidateRecord store(long parent, int round, Method method, Model model, double accuracy) {
            CandidateRecord r = store.addCandidate(parent, round, method, method.id() + "-r" + round, model, accuracy,
                    0.3, 1.0, Map.of());
            sink.on(new GrowthEvent.CandidateStored(r));
            return r;
        }
    }

    private static final Step END = run -> {
    };

    private final BlockingQueue<Step> steps = new LinkedBlockingQueue<>();

    ScriptedGrowth then(Step step) {
        steps.add(step);
        return this;
    }

    ScriptedGrowth emit(GrowthEvent event) {
        return then(run -> run.sink.on(event));
    }

    /** The backend returns after the steps queued before. */
    void end() {
        steps.add(END);
    }

    @Override
    public void run(GrowRequest request, GrowSeed seed, Sink sink, CancelToken cancel) throws Exception {
        Run run = new Run(request, sink);
        long idleSince = System.nanoTime();
        while (true) {
            Step step = steps.poll(50, TimeUnit.MILLISECONDS);
            if (step == END) {
                return;
            }
            if (step != null) {
                step.run(run);
                idleSince = System.nanoTime();
            } else if (cancel.isCancelled() && System.nanoTime() - idleSince > 2_000_000_000L) {
                sink.on(new GrowthEvent.Cancelled(0));
                return;
            }
        }
    }
}
