package dev.mitosis.cli;

import dev.mitosis.text.Formats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.io.BadInputException;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.engine.Network;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.train.EpochMetrics;
import dev.mitosis.train.Evaluation;
import dev.mitosis.train.TrainConfig;
import dev.mitosis.train.Training;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model (from a template, model.json or model directory) and save it.")
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    DataOptions data;
    @Mixin
    TrainOptions training;
    @Mixin
    DeviceOption device;
    @Mixin
    OutputOptions output;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Model directory to write (model.json, weights.safetensors, training.json).")
    Path out;

    @Override
    public void run() {
        checkOutput(out);
        TrainConfig config = training.config(TrainConfig.defaults());
        ModelOptions.OnData in = model.loadOn(data);
        DataSplit split = in.data();
        Model initial = in.model();
        Normalization normalization = in.normalization();
        PrintWriter stdout = spec.commandLine().getOut();
        List<EpochMetrics> history;
        Model trained;
        Evaluation test;
        try (Network net = Network.load(initial, device.resolve());
             Progress progress = new Progress(stdout, output.json, "epoch", config.epochs())) {
            if (!output.json) {
                stdout.printf(Locale.ROOT, "training %s (%s MACs) on %s: %d train / %d test images, %s%n",
                        initial.spec().name(), Formats.count(initial.spec().macs()), split.train().name(),
                        split.train().size(), split.test().size(), DeviceChoice.of(net.device()));
                stdout.flush();
            }
            history = Training.run(net, split, normalization, config, progress);
            trained = net.model();
            test = Evaluation.afterTraining(net, history, split.test(), normalization);
        }
        double accuracy = test.accuracy();
        double loss = test.loss();
        TrainingRecord record = new TrainingRecord(data.data, normalization, config.epochs(), accuracy, loss,
                "mitosis " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        ModelDirectory.write(out, trained, Map.of(TrainingRecord.FILE, record.toJson()));
        if (output.json) {
            ObjectNode root = Json.object();
            root.put("model", out.toString());
            root.put("macs", trained.spec().macs());
            root.put("params", trained.spec().params());
            root.put("testAccuracy", accuracy);
            root.put("testLoss", loss);
            ArrayNode epochs = root.putArray("epochs");
            for (EpochMetrics m : history) {
                epochs.addObject().put("epoch", m.epoch()).put("trainLoss", m.trainLoss())
                        .put("trainAccuracy", m.trainAccuracy()).put("testLoss", m.testLoss())
                        .put("testAccuracy", m.testAccuracy()).put("lr", m.lr()).put("seconds", m.seconds());
            }
            Json.print(stdout, root);
        } else {
            stdout.printf(Locale.ROOT, "test accuracy %.2f%% (loss %.4f); saved %s%n", 100 * accuracy, loss, out);
            stdout.flush();
        }
    }

    /** Refuses to clobber anything that is not a model directory, before any work is done. */
    static void checkOutput(Path out) {
        if (Files.exists(out) && !ModelDirectory.isModelDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (!Files.isDirectory(out) || entries.findAny().isPresent()) {
                    throw new BadInputException("--out " + out + ": exists and is not a model directory; choose a new path");
                }
            } catch (java.io.IOException e) {
                throw new BadInputException("--out " + out + ": cannot inspect (" + e.getMessage() + ")");
            }
        }
    }
}
