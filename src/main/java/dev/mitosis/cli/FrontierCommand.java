package dev.mitosis.cli;

import dev.mitosis.text.CsvTable;
import dev.mitosis.text.Formats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Frontier;
import dev.mitosis.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = "List the candidates of one or more runs with a Pareto flag (accuracy vs MACs).")
final class FrontierCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run directories.")
    List<Path> runs;
    @Mixin
    OutputOptions output;
    @Option(names = "--csv", description = "Print CSV on stdout.")
    boolean csv;

    record Row(String run, CandidateRecord candidate) {
    }

    @Override
    public void run() {
        List<Row> rows = new ArrayList<>();
        for (Path r : runs) {
            try (RunStore store = RunStore.open(r)) {
                store.candidates().forEach(c -> rows.add(new Row(r.toString(), c)));
            }
        }
        boolean[] front = Frontier.pareto(rows.stream().map(Row::candidate).toList());
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            for (int i = 0; i < rows.size(); i++) {
                ObjectNode n = arr.addObject();
                n.put("run", rows.get(i).run());
                json(n, rows.get(i).candidate(), front[i]);
            }
            Json.print(out, arr);
        } else if (csv) {
            CsvTable.Builder table = CsvTable.of("run", "method", "candidate", "round", "macs", "params", "accuracy",
                    "pareto");
            for (int i = 0; i < rows.size(); i++) {
                CandidateRecord c = rows.get(i).candidate();
                table.row(rows.get(i).run(), c.method().id(), c.label(), c.round(), c.macs(), c.params(), c.accuracy(),
                        front[i]);
            }
            out.print(table.build().toCsv());
            out.flush();
        } else {
            out.printf(Locale.ROOT, "%-24s %-16s %-14s %5s %10s %9s %9s  %s%n", "run", "method", "candidate", "round",
                    "MACs", "params", "accuracy", "pareto");
            for (int i = 0; i < rows.size(); i++) {
                CandidateRecord c = rows.get(i).candidate();
                out.printf(Locale.ROOT, "%-24s %-16s %-14s %5d %10s %9s %8.2f%%  %s%n", rows.get(i).run(), c.method(),
                        c.label(), c.round(), Formats.count(c.macs()), Formats.count(c.params()), 100 * c.accuracy(),
                        front[i] ? "*" : "");
            }
            out.flush();
        }
    }

    static void json(ObjectNode n, CandidateRecord c, boolean pareto) {
        n.put("id", c.id());
        n.put("parent", c.parentId());
        n.put("method", c.method().id());
        n.put("candidate", c.label());
        n.put("round", c.round());
        n.put("macs", c.macs());
        n.put("params", c.params());
        n.put("accuracy", c.accuracy());
        n.put("loss", c.loss());
        n.put("seconds", c.seconds());
        n.put("pareto", pareto);
        n.put("model", c.modelPath());
    }
}
