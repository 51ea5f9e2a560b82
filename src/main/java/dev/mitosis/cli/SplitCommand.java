package dev.mitosis.cli;

import dev.mitosis.text.Formats;
import dev.mitosis.io.BadInputException;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.split.Plan;
import dev.mitosis.split.ProbeResult;
import dev.mitosis.split.Surgery;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Probe, select and split once; write the grown model (not fine-tuned).")
final class SplitCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    ProbeRun probeRun;
    @Mixin
    OutputOptions output;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Model directory to write.")
    Path out;

    @Override
    public void run() {
        TrainCommand.checkOutput(out);
        ProbeRun.Outcome o = probeRun.run();
        Model m = o.input().model();
        ProbeResult result = o.probe();
        Plan plan = o.plan();
        SelectionOptions selection = probeRun.selection;
        if (plan.isEmpty()) {
            throw new BadInputException(m.spec().name() + ": no neuron's split lowers the loss"
                    + (selection.signed() ? "" : " (every λ_min ≥ 0; try --signed)") + "; nothing written");
        }
        Model grown = Surgery.apply(m, plan.splits(result, selection.epsilon(), selection.signedOptions().bound()));
        String dataset = o.input().record().map(TrainingRecord::dataset).orElse(probeRun.data.data);
        TrainingRecord carried = new TrainingRecord(dataset, o.input().normalization(), 0, Double.NaN, Double.NaN,
                "mitosis " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        ModelDirectory.write(out, grown, Map.of(TrainingRecord.FILE, carried.toJson()));
        PrintWriter w = spec.commandLine().getOut();
        if (output.json) {
            var root = ProbeCommand.json(m.spec(), result, plan);
            root.put("out", out.toString());
            root.put("grownMacs", grown.spec().macs());
            root.put("grownParams", grown.spec().params());
            Json.print(w, root);
        } else {
            ProbeCommand.print(w, m.spec(), result, plan);
            w.printf(Locale.ROOT, "wrote %s: %s MACs, %s params%n", out, Formats.count(grown.spec().macs()),
                    Formats.count(grown.spec().params()));
            w.flush();
        }
    }
}
