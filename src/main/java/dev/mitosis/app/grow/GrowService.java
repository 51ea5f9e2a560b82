package dev.mitosis.app.grow;

import dev.mitosis.io.AtomicFiles;
import dev.mitosis.io.BadInputException;
import dev.mitosis.app.common.Dialogs;
import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.store.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * The explorer's engine work as a {@link Service}: every {@link Job} (a growth, a resume, a branch, a
 * baseline, a training) runs as a task on the explorer's single engine thread (the service's executor),
 * so all DJL work stays on one thread, and one at a time, under one lifecycle ({@link GrowthState}). Events reach the FX thread only through
 * the {@link GrowthMonitor}'s batcher, as immutable copies; the task's progress is JavaFX's own
 * coalesced {@code updateProgress}. Stop never interrupts the thread: it asks the session to cancel,
 * which it does within one batch, leaving the run store consistent.
 */
public final class GrowService extends Service<Void> {

    private final GrowthBackend backend;
    private final GrowthMonitor monitor;
    private Job job;
    private CancelToken token = new CancelToken();

    public GrowService(GrowthBackend backend, Executor engine, GrowthMonitor monitor) {
        this.backend = backend;
        this.monitor = monitor;
        setExecutor(engine);
    }

    public GrowthMonitor monitor() {
        return monitor;
    }

    /** Starts a growth of a new run from a seed with the backend; returns false when a job is active. FX thread. */
    public boolean grow(GrowRequest r, GrowSeed s) {
        return submit(new Job("Growth", r.rounds(), "Loading the data and the seed…", null,
                (sink, cancel) -> backend.run(r, s, sink, cancel)));
    }

    /** Starts a job; returns false when one is still active. FX thread. */
    public boolean submit(Job j) {
        GrowthState now = monitor.state();
        if (!now.canStart() || !monitor.transition(now, GrowthState.STARTING)) {
            return false;
        }
        this.job = j;
        this.token = new CancelToken();
        monitor.begin(j);
        reset();
        start();
        return true;
    }

    /** Asks the running growth to stop; returns false when there is none. FX thread. */
    public boolean stop() {
        GrowthState now = monitor.state();
        if (!now.canStop() || !monitor.transition(now, GrowthState.STOPPING)) {
            return false;
        }
        token.cancel();
        return true;
    }

    @Override
    protected Task<Void> createTask() {
        Job j = job;
        CancelToken t = token;
        return new Task<>() {
            @Override
            protected Void call() {
                Sink sink = new Sink(this::progress, j);
                GrowthState outcome;
                String message = "";
                String failed = j.noun() + " failed: ";
                try {
                    j.work().run(sink, t);
                    outcome = sink.outcome(t);
                    message = sink.message;
                } catch (CancellationException e) {
                    // Work without a session of its own (a baseline, a training) stops by this exception.
                    outcome = t.isCancelled() ? GrowthState.CANCELLED : GrowthState.FAILED;
                    message = outcome == GrowthState.CANCELLED ? "" : failed + Dialogs.message(e);
                } catch (BadInputException e) {
                    outcome = GrowthState.FAILED;
                    message = failed + Dialogs.message(e);
                    org.slf4j.LoggerFactory.getLogger(GrowService.class).info("{} refused: {}", j.noun(), e.getMessage());
                } catch (RuntimeException | Error e) {
                    outcome = GrowthState.FAILED;
                    message = failed + Dialogs.message(e);
                    org.slf4j.LoggerFactory.getLogger(GrowService.class).warn("{} failed", j.noun(), e);
                } catch (Exception e) {
                    outcome = GrowthState.FAILED;
                    message = failed + Dialogs.message(e);
                }
                if (sink.discardUnshownRun()) {
                    message = (message.isBlank() ? outcome == GrowthState.CANCELLED ? "Stopped" : j.noun() + " finished"
                            : message) + " (nothing was stored; the run directory was removed)";
                }
                monitor.offer(new LiveUpdate.Ended(outcome, message));
                return null;
            }

            private void progress(double fraction) {
                updateProgress(fraction, 1);
            }
        };
    }

    /** Turns the session's events into {@link LiveUpdate}s on the engine thread. */
    private final class Sink implements GrowthBackend.Sink {
        private final java.util.function.DoubleConsumer progress;
        private final Job job;
        /** Where stored candidates are read from: the open run a job adds to, or the run it created. */
        private RunDocument document;
        /** Whether this job created {@link #document} (only then may an empty one be removed). */
        private boolean created;
        private boolean storedAny;
        private GrowthEvent terminal;
        private String message = "";

        Sink(java.util.function.DoubleConsumer progress, Job job) {
            this.progress = progress;
            this.job = job;
            this.document = job.into();
        }

        @Override
        public void runCreated(RunStore store) {
            document = new RunDocument(store);
            created = true;
            monitor.offer(new LiveUpdate.RunOpened(document));
        }

        @Override
        public void on(GrowthEvent event) {
            GrowthEvent e = event;
            if (e instanceof GrowthEvent.ProbeProgress p) {
                List<double[]> copies = new ArrayList<>(p.lambdaMin().size());
                p.lambdaMin().forEach(a -> copies.add(a.clone()));
                e = new GrowthEvent.ProbeProgress(p.round(), p.fraction(), List.copyOf(p.layerKeys()), copies);
            } else if (e instanceof GrowthEvent.SelectionMade s) {
                List<LayerSnapshot> copies = s.layers().stream().map(l -> new LayerSnapshot(l.key(), l.lambdaMin().clone(),
                        l.lambdaMax().clone(), l.macCost(), l.selected().clone())).toList();
                e = new GrowthEvent.SelectionMade(s.round(), copies, s.macsBefore(), s.macsAfter(), s.neuronsAdded(),
                        s.strategy(), s.note());
            } else if (e instanceof GrowthEvent.Progress p) {
                progress.accept(p.fraction());
            } else if (e instanceof GrowthEvent.CandidateStored c && document != null) {
                storedAny = true;
                monitor.offer(new LiveUpdate.Stored(document.entry(c.candidate())));
            } else if (e instanceof GrowthEvent.Finished || e instanceof GrowthEvent.Cancelled
                    || e instanceof GrowthEvent.Failed) {
                terminal = e;
            }
            monitor.offer(new LiveUpdate.Event(e));
        }

        /**
         * Closes and deletes a run the growth created but never stored a candidate in (it failed or was
         * stopped while loading or evaluating the seed): such a directory holds only an empty database,
         * which would open as nothing. The views never saw it, so it is this thread's to close. Returns
         * whether there was one.
         */
        boolean discardUnshownRun() {
            if (document == null || !created || storedAny) {
                return false;
            }
            java.nio.file.Path dir = document.store().directory();
            try {
                document.close();
                AtomicFiles.deleteRecursively(dir);
            } catch (java.io.IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(GrowService.class).warn("cannot remove the empty run {}", dir, e);
            }
            return true;
        }

        GrowthState outcome(CancelToken t) {
            if (terminal instanceof GrowthEvent.Failed f) {
                message = job.noun() + " failed " + (f.round() > 0 ? "in round " + f.round() : "before the first round")
                        + ": " + f.message();
                return GrowthState.FAILED;
            }
            if (terminal instanceof GrowthEvent.Cancelled || (terminal == null && t.isCancelled())) {
                return GrowthState.CANCELLED;
            }
            return GrowthState.FINISHED;
        }
    }
}
