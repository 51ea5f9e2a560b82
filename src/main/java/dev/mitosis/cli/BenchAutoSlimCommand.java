package dev.mitosis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.baseline.AutoSlimBaseline;
import dev.mitosis.baseline.ChannelGrid;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.SandwichTrainer;
import dev.mitosis.engine.SlimmableNetwork;
import dev.mitosis.engine.Trainer;
import dev.mitosis.model.Model;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.weights.Initializer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "autoslim", mixinStandardHelpOptions = true,
        description = {"One sandwich step of a slimmable supernet (the model: largest, smallest and N-2 random",
                "configurations) against N training steps of the largest configuration as a plain network, and",
                "against one plain training step of each of the same configurations; interleaved in one run."})
final class BenchAutoSlimCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    BenchOptions bench;
    @Mixin
    DeviceOption device;
    @Mixin
    OutputOptions output;

    @Option(names = "--sandwich", paramLabel = "N", defaultValue = "4",
            description = "Configurations per sandwich step (default: ${DEFAULT-VALUE}, published).")
    int sandwich;

    @Override
    public void run() {
        if (sandwich < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--sandwich must be at least 2 (the largest and the smallest), found " + sandwich);
        }
        Model m = bench.load();
        int n = bench.batch;
        float[] x = BenchOptions.images(m, n, 1);
        int[] y = BenchOptions.labels(m, n, 1);
        ChannelGrid grid = ChannelGrid.of(m.spec(), AutoSlimBaseline.Options.PUBLISHED_GROUPS);
        // Fixed configurations, so that the plain networks below train exactly what the sandwich step trains.
        Random random = new Random(1);
        List<NetworkSpec> configs = new ArrayList<>(List.of(grid.spec(grid.largest()), grid.spec(grid.smallest())));
        for (int i = 2; i < sandwich; i++) {
            configs.add(grid.spec(grid.random(random)));
        }
        Trainer.Config optimizer = new Trainer.Config(0.9, true, 1e-4, 0.1);
        double[][] seconds;
        String dev;
        List<Network> plain = new ArrayList<>();
        List<Trainer> plainTrainers = new ArrayList<>();
        try (SlimmableNetwork slim = SlimmableNetwork.load(m, device.resolve());
             SandwichTrainer trainer = new SandwichTrainer(slim, optimizer)) {
            for (NetworkSpec c : configs) {
                Network net = Network.load(new Model(c, Initializer.initialize(c, 1)), device.resolve());
                plain.add(net);
                plainTrainers.add(new Trainer(net, optimizer));
            }
            dev = DeviceChoice.of(slim.device()).toString();
            Runnable sandwichStep = () -> trainer.step(x, y, n, 0.0, configs);
            Runnable largestSteps = () -> {
                for (int i = 0; i < sandwich; i++) {
                    plainTrainers.get(0).step(x, y, n, 0.0);
                }
            };
            Runnable plainSteps = () -> plainTrainers.forEach(t -> t.step(x, y, n, 0.0));
            seconds = Stopwatch.interleaved(bench.warmup, bench.steps, bench.rounds, sandwichStep, largestSteps,
                    plainSteps);
        } finally {
            plainTrainers.forEach(Trainer::close);
            plain.forEach(Network::close);
        }
        double[] sandwichSeconds = seconds[0];
        double s = Stopwatch.median(sandwichSeconds) / bench.steps;
        double l = Stopwatch.median(seconds[1]) / bench.steps;
        double p = Stopwatch.median(seconds[2]) / bench.steps;
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode root = Json.object();
            root.put("sandwich", sandwich);
            root.put("sandwichStepSeconds", s);
            root.put("largestStepsSeconds", l);
            root.put("plainStepsSeconds", p);
            root.put("ratioToLargest", s / l);
            root.put("ratioToPlain", s / p);
            BenchTrainCommand.describe(root, m, n, dev, bench.steps, sandwichSeconds);
            Json.print(out, root);
        } else {
            out.printf(Locale.ROOT, "%s batch %d on %s, sandwich of %d: %.1f ms per step; %d steps of the largest"
                            + " %.1f ms (ratio %.2f); one plain step of each configuration %.1f ms (ratio %.2f)%n",
                    m.spec().name(), n, dev, sandwich, s * 1e3, sandwich, l * 1e3, s / l, p * 1e3, s / p);
            out.flush();
        }
    }
}
