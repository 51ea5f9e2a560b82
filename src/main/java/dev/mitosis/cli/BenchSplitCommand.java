package dev.mitosis.cli;

import java.util.Comparator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.SplittingPass;
import dev.mitosis.split.FastProbe;
import dev.mitosis.engine.Trainer;
import dev.mitosis.model.Model;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"A fast-probe step (one splitting pass for S·v of every neuron, then the RMSprop update of",
                "every direction) against a full training step, same model and batch, interleaved in one run."})
final class BenchSplitCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    BenchOptions bench;
    @Mixin
    DeviceOption device;
    @Mixin
    OutputOptions output;

    @Option(names = "--published-curvature", description = "Time the published one-activation probe instead.")
    boolean published;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = "Independent runs, each on a freshly loaded network; prints the median and range of the"
                    + " ratio (default: ${DEFAULT-VALUE}).")
    int runs;

    /** One run's figures: the median throughputs and every round's seconds. */
    private record Measurement(double trainIps, double splitIps, double[] train, double[] split, String device) {
        double ratio() {
            return trainIps / splitIps;
        }
    }

    @Override
    public void run() {
        if (runs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        Model m = bench.load();
        List<Measurement> all = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            all.add(measure(m));
        }
        Measurement mid = all.stream().sorted(Comparator.comparingDouble(Measurement::ratio)).toList()
                .get((all.size() - 1) / 2);
        double[] ratios = all.stream().mapToDouble(Measurement::ratio).toArray();
        double median = Stopwatch.median(ratios);
        double low = Arrays.stream(ratios).min().orElseThrow();
        double high = Arrays.stream(ratios).max().orElseThrow();
        int n = bench.batch;
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode root = Json.object();
            root.put("trainImagesPerSecond", mid.trainIps());
            root.put("splitImagesPerSecond", mid.splitIps());
            root.put("ratio", median);
            var runRatios = root.putArray("runRatios");
            for (double ratio : ratios) {
                runRatios.add(ratio);
            }
            root.put("curvature", published ? "published" : "full");
            BenchTrainCommand.describe(root, m, n, mid.device(), bench.steps, mid.train());
            var splitRounds = root.putArray("roundSplitImagesPerSecond");
            for (double s : mid.split()) {
                splitRounds.add(bench.steps * n / s);
            }
            Json.print(out, root);
        } else if (runs == 1) {
            out.printf(Locale.ROOT, "%s batch %d on %s: train %.1f images/s, split %.1f images/s, ratio %.2f%n",
                    m.spec().name(), n, mid.device(), mid.trainIps(), mid.splitIps(), median);
        } else {
            out.printf(Locale.ROOT, "%s batch %d on %s, %d runs: ratio median %.2f, range %.2f-%.2f (median run: train"
                            + " %.1f images/s, split %.1f images/s)%n", m.spec().name(), n, mid.device(), runs, median,
                    low, high, mid.trainIps(), mid.splitIps());
        }
        out.flush();
    }

    private Measurement measure(Model m) {
        int n = bench.batch;
        float[] x = BenchOptions.images(m, n, 1);
        int[] y = BenchOptions.labels(m, n, 1);
        double[][] seconds;
        String dev;
        try (Network net = Network.load(m, device.resolve());
             Trainer trainer = new Trainer(net, new Trainer.Config(0.9, true, 1e-4, 0.1));
             FastProbe.Stepper probe = new FastProbe.Stepper(net, FastProbe.Options.published()
                     .withCurvature(SplittingPass.Options.defaults().withFullPath(!published)))) {
            dev = DeviceChoice.of(net.device()).toString();
            seconds = Stopwatch.interleaved(bench.warmup, bench.steps, bench.rounds,
                    () -> trainer.step(x, y, n, 0.0), () -> probe.step(x, y, n, 1e-3, false));
        }
        double[] train = seconds[0];
        double[] split = seconds[1];
        return new Measurement(bench.steps * n / Stopwatch.median(train), bench.steps * n / Stopwatch.median(split),
                train, split, dev);
    }
}
