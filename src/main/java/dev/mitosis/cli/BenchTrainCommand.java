package dev.mitosis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.engine.EngineBoot;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.Trainer;
import dev.mitosis.model.Model;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Images per second of full training steps (forward, backward, SGD) on random data.")
final class BenchTrainCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    BenchOptions bench;
    @Mixin
    DeviceOption device;
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        Model m = bench.load();
        int n = bench.batch;
        float[] x = BenchOptions.images(m, n, 1);
        int[] y = BenchOptions.labels(m, n, 1);
        double[] seconds;
        String dev;
        try (Network net = Network.load(m, device.resolve());
             Trainer trainer = new Trainer(net, new Trainer.Config(0.9, true, 1e-4, 0.1))) {
            dev = DeviceChoice.of(net.device()).toString();
            seconds = Stopwatch.rounds(() -> trainer.step(x, y, n, 0.01), bench.warmup, bench.steps, bench.rounds);
        }
        double ips = bench.steps * n / Stopwatch.median(seconds);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode root = Json.object();
            root.put("imagesPerSecond", ips);
            describe(root, m, n, dev, bench.steps, seconds);
            Json.print(out, root);
        } else {
            out.printf(Locale.ROOT, "%s batch %d on %s: %.1f images/s (median of %d rounds)%n", m.spec().name(), n, dev,
                    ips, seconds.length);
            out.flush();
        }
    }

    static void describe(ObjectNode root, Model m, int batch, String device, int steps, double[] seconds) {
        root.put("model", m.spec().name());
        root.put("input", m.spec().input().toHwc());
        root.put("macs", m.spec().macs());
        root.put("batch", batch);
        root.put("device", device);
        root.put("pytorch", EngineBoot.version());
        root.put("threads", Runtime.getRuntime().availableProcessors());
        var rounds = root.putArray("roundImagesPerSecond");
        for (double s : seconds) {
            rounds.add(steps * batch / s);
        }
    }
}
