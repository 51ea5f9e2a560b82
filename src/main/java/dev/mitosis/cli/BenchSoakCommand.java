package dev.mitosis.cli;

import dev.mitosis.text.Formats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSplit;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.GrowthSession;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.store.RunStore;
import dev.mitosis.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Memory soak: short growth rounds on the bundled sample, printing resident memory after each.",
                "Pass: RSS after the last round within 10% of RSS after round 2."})
final class BenchSoakCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    DeviceOption device;
    @Mixin
    OutputOptions output;
    @Option(names = "--rounds", defaultValue = "10", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;
    @Option(names = "--per-class", defaultValue = "200",
            description = "Training images per class from the sample (default: ${DEFAULT-VALUE}).")
    int perClass;
    @Option(names = "--grow", defaultValue = "0.02",
            description = "Grow fraction per round; small so that the network stays about the same size"
                    + " (default: ${DEFAULT-VALUE}).")
    double grow;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        DataSplit sample = DataSources.sample();
        DataSplit data = new DataSplit(sample.train().firstPerClass(perClass), sample.test().firstPerClass(50));
        GrowthConfig defaults = GrowthConfig.defaults();
        GrowthConfig config = defaults.toBuilder().rounds(rounds).strategy(GrowthConfig.Strategy.ENERGY_AWARE).grow(grow)
                .probePasses(1).probeImages(1024).fineTune(defaults.fineTune().withEpochs(1).withLr(0.01))
                .device(device.device).build();
        List<double[]> samples = new ArrayList<>();
        Path dir;
        try {
            dir = Files.createTempDirectory("mitosis-soak");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (RunStore store = RunStore.create(dir.resolve("run"), new RunConfig("sample", Optional.empty(), config).toJson())) {
            TrainingRecord seedRecord = BundledSeed.record();
            GrowthSession session = new GrowthSession(BundledSeed.load(), seedRecord.epochs(), data,
                    seedRecord.normalization(), config, store, event -> {
                        if (event instanceof GrowthEvent.CandidateStored c && c.candidate().round() > 0) {
                            System.gc();
                            double rss = residentMegabytes();
                            samples.add(new double[] {c.candidate().round(), rss, c.candidate().macs()});
                            if (!output.json) {
                                out.printf(Locale.ROOT, "round %2d: RSS %7.1f MB, network %s MACs%n", c.candidate().round(),
                                        rss, Formats.count(c.candidate().macs()));
                                out.flush();
                            }
                        } else if (event instanceof GrowthEvent.Failed f) {
                            throw new IllegalStateException(f.message());
                        }
                    });
            session.run();
        } finally {
            try {
                AtomicFiles.deleteRecursively(dir);
            } catch (IOException ignored) {
                // a temp directory; the OS cleans it eventually
            }
        }
        double second = samples.size() >= 2 ? samples.get(1)[1] : Double.NaN;
        double last = samples.isEmpty() ? Double.NaN : samples.get(samples.size() - 1)[1];
        if (output.json) {
            ObjectNode root = Json.object();
            ArrayNode arr = root.putArray("rounds");
            samples.forEach(s -> arr.addObject().put("round", (int) s[0]).put("rssMegabytes", s[1]).put("macs", (long) s[2]));
            root.put("lastOverSecond", last / second);
            Json.print(out, root);
        } else {
            out.printf(Locale.ROOT, "RSS after round %d / after round 2 = %.3f (goal <= 1.10)%n", samples.size(), last / second);
            out.flush();
        }
    }

    /** Resident set size from /proc (Linux); the JVM's committed memory elsewhere. */
    static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() / 1048576.0;
    }
}
