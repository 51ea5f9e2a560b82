package dev.mitosis.app.bench;

import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.app.Explorer;
import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.GrowthState;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Documents;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Templates;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * How responsive the explorer stays while a growth round streams per-neuron eigenvalues into the
 * Eigenvalues chart. It opens the real window on a network with thousands of neurons (MobileNetV1 at
 * width 1 on 28×28 inputs: 5,472 neurons in 14 layers), runs a {@link SyntheticGrowth} whose probe
 * sends every neuron's λ_min estimate {@code eventsPerSecond} times a second from a background thread
 * through the same path as a real session, and records the FX pulse intervals with an
 * {@link AnimationTimer}. At 60 frames per second a gap is 16.7 ms; the goal is p99 under 33 ms (no
 * more than one dropped frame in a row).
 *
 * <p>Runs under a real display (e.g. {@code xvfb-run}) or, without one, on Monocle's headless
 * platform when it is on the class path (as in the tests). Use from the CLI ({@code mitosis bench ui})
 * or {@code java -cp … dev.mitosis.app.bench.UiResponsiveness [seconds] [events/s]}.
 */
public final class UiResponsiveness {

    /**
     * @param width the MobileNetV1 width multiplier (1.0 gives 5,472 neurons)
     * @param seconds how long the probe streams (frames are measured over this time)
     * @param eventsPerSecond probe events per second (the real session sends at most 10)
     * @param warmupSeconds frames of the first seconds are left out (JIT, first layout)
     */
    public record Options(double width, double seconds, double eventsPerSecond, double warmupSeconds) {
        public Options {
            if (!(seconds > warmupSeconds) || !(eventsPerSecond > 0) || !(width > 0)) {
                throw new IllegalArgumentException("need seconds > warm-up, a positive event rate and width");
            }
        }

        public static Options defaults() {
            return new Options(1.0, 10, 50, 1);
        }
    }

    /**
     * Frame-gap statistics in milliseconds, over the frames after the warm-up.
     *
     * @param neurons neurons on the Eigenvalues chart
     * @param events probe events sent (each carries every neuron's λ_min)
     * @param frames pulse intervals measured
     * @param redraws chart frames published (the monitor merges events to at most 10 per second)
     */
    public record Result(int neurons, int events, int frames, int redraws, double p50Ms, double p99Ms, double maxMs,
                         double meanMs, double seconds, String platform) {
        public boolean meetsGoal() {
            return p99Ms < 33;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ui responsiveness: %,d neurons, %d probe events (%d chart frames) in %.1f s"
                    + " on %s: frame gap p50 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms over %d frames (goal p99 < 33 ms: %s)",
                    neurons, events, redraws, seconds, platform, p50Ms, p99Ms, maxMs, meanMs, frames,
                    meetsGoal() ? "met" : "missed");
        }
    }

    private UiResponsiveness() {
    }

    /** Runs the benchmark; blocks the calling thread (not the FX thread) until done. */
    public static Result run(Options options) throws InterruptedException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("run the benchmark from a background thread, not the FX thread");
        }
        String platform = startToolkit();
        NetworkSpec spec = Templates.create("mbv1", new Templates.Options(options.width(), new FeatureShape(1, 28, 28), 10,
                java.util.Optional.empty()));
        Documents.Opened opened = Documents.template(spec, 1);
        CandidateEntry entry = opened.entries().get(0);
        SyntheticGrowth growth = new SyntheticGrowth(spec, entry.record(), options.seconds(), options.eventsPerSecond(), 1);

        AtomicReference<Explorer> explorer = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        FrameRecorder recorder = new FrameRecorder((int) (options.seconds() * 200) + 1000);
        int[] redraws = {0};
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            Explorer e = Explorer.create(new Explorer.Options(growth, () -> opened, false));
            Stage s = new Stage();
            s.setWidth(1400);
            s.setHeight(900);
            e.show(s);
            e.monitor().neuronsProperty().addListener((o, a, b) -> redraws[0]++);
            explorer.set(e);
            stage.set(s);
            shown.countDown();
        });
        if (!shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the explorer window did not open within a minute");
        }
        waitFx(() -> explorer.get().workspace().selected() != null, 60);
        // Let the first layout and chart draw settle before measuring.
        Thread.sleep(1500);
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            Explorer e = explorer.get();
            e.charts().tabs().getSelectionModel().select(0);
            GrowRequest request = new GrowRequest(1, GrowthConfig.Strategy.QUANTILE, 0.1, OptionalLong.empty(), false, 1,
                    0.02, 1, 256, DeviceChoice.CPU, "sample", 0, 0, Path.of(System.getProperty("java.io.tmpdir"), "mitosis-bench-ui"), 1);
            e.main().startGrowth(request, e.workspace().selected());
            recorder.start();
            started.countDown();
        });
        started.await(30, TimeUnit.SECONDS);
        waitFx(() -> !explorer.get().monitor().state().isActive(), (long) options.seconds() + 60);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<GrowthState> end = new AtomicReference<>();
        Platform.runLater(() -> {
            recorder.stop();
            end.set(explorer.get().monitor().state());
            stage.get().close();
            explorer.get().close();
            closed.countDown();
        });
        closed.await(30, TimeUnit.SECONDS);
        if (end.get() != GrowthState.FINISHED) {
            throw new IllegalStateException("the synthetic growth ended " + end.get());
        }
        double[] gaps = recorder.gapsAfter(options.warmupSeconds());
        Arrays.sort(gaps);
        double mean = Arrays.stream(gaps).average().orElse(Double.NaN);
        return new Result(spec.topology().neuronCount(), growth.events(), gaps.length, redraws[0],
                percentile(gaps, 0.50), percentile(gaps, 0.99), gaps.length == 0 ? Double.NaN : gaps[gaps.length - 1],
                mean, options.seconds(), platform);
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Starts JavaFX if needed: a real display when there is one, else Monocle headless when available. */
    static String startToolkit() throws InterruptedException {
        boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        if (!display && System.getProperty("glass.platform") == null) {
            try {
                Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no display: run under xvfb-run (or a desktop), or put"
                        + " org.testfx:openjfx-monocle on the class path for headless runs");
            }
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1600x1200-32");
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        ready.await(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        String glass = System.getProperty("glass.platform", display ? "gtk" : "default");
        return glass + " / prism " + System.getProperty("prism.order", "default");
    }

    private static void waitFx(java.util.function.BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            CountDownLatch done = new CountDownLatch(1);
            boolean[] ok = {false};
            Platform.runLater(() -> {
                ok[0] = condition.getAsBoolean();
                done.countDown();
            });
            done.await(10, TimeUnit.SECONDS);
            if (ok[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out after " + seconds + " s");
    }

    /** Pulse timestamps from an AnimationTimer (FX thread). */
    private static final class FrameRecorder extends AnimationTimer {
        private final long[] stamps;
        private int count;

        FrameRecorder(int capacity) {
            stamps = new long[capacity];
        }

        @Override
        public void handle(long now) {
            if (count < stamps.length) {
                stamps[count++] = now;
            }
        }

        double[] gapsAfter(double warmupSeconds) {
            if (count < 2) {
                return new double[0];
            }
            long from = stamps[0] + (long) (warmupSeconds * 1e9);
            double[] gaps = new double[count - 1];
            int n = 0;
            for (int i = 1; i < count; i++) {
                if (stamps[i - 1] >= from) {
                    gaps[n++] = (stamps[i] - stamps[i - 1]) / 1e6;
                }
            }
            return Arrays.copyOf(gaps, n);
        }
    }

    /** {@code [seconds] [events per second] [width]}; prints the result line. */
    public static void main(String[] args) throws InterruptedException {
        Options d = Options.defaults();
        Options o = new Options(args.length > 2 ? Double.parseDouble(args[2]) : d.width(),
                args.length > 0 ? Double.parseDouble(args[0]) : d.seconds(),
                args.length > 1 ? Double.parseDouble(args[1]) : d.eventsPerSecond(), d.warmupSeconds());
        Result r = run(o);
        System.out.println(r);
        Platform.exit();
        System.exit(0);
    }
}
