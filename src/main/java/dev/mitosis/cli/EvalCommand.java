package dev.mitosis.cli;

import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.Network;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.train.Evaluation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Test loss and accuracy of a model.")
final class EvalCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    DataOptions data;
    @Mixin
    DeviceOption device;
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        DataSplit split = data.load();
        Model m = model.load(Optional.of(split));
        ModelOptions.checkCompatible(m.spec(), split, data.data);
        Normalization normalization = model.record().map(TrainingRecord::normalization)
                .orElseGet(() -> Normalization.of(split.train()));
        Evaluation result;
        try (Network net = Network.load(m, device.resolve())) {
            result = Evaluation.of(net, split.test(), normalization);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Json.print(out, Json.object().put("model", m.spec().name()).put("data", data.data)
                    .put("images", result.images()).put("accuracy", result.accuracy()).put("loss", result.loss())
                    .put("macs", m.spec().macs()));
        } else {
            out.printf(Locale.ROOT, "%s on %s test (%d images): accuracy %.2f%%, loss %.4f%n", m.spec().name(),
                    data.data, result.images(), 100 * result.accuracy(), result.loss());
            out.flush();
        }
    }
}
