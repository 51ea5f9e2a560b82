package dev.mitosis.cli;

import dev.mitosis.engine.Network;
import dev.mitosis.model.Model;
import dev.mitosis.train.Evaluation;
import java.io.PrintWriter;
import java.util.Locale;
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
        ModelOptions.OnData in = model.loadOn(data);
        Model m = in.model();
        Evaluation result;
        try (Network net = Network.load(m, device.resolve())) {
            result = Evaluation.of(net, in.data().test(), in.normalization());
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
