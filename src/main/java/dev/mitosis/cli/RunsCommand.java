package dev.mitosis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.io.BadInputException;
import dev.mitosis.store.RunCatalog;
import dev.mitosis.store.RunSummary;
import dev.mitosis.text.Formats;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"The runs under a directory (default: where the explorer puts them) with their state:",
                "growing, finished, stopped, failed or crashed (stopped, failed and crashed runs resume",
                "with 'grow --resume --out RUN')."})
final class RunsCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Directories to list (default: ~/.mitosis/runs).")
    List<Path> roots;
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> dirs = roots == null || roots.isEmpty() ? List.of(RunCatalog.defaultRoot()) : roots;
        ArrayNode json = Json.MAPPER.createArrayNode();
        if (!output.json) {
            out.printf(Locale.ROOT, "%-40s %-9s %6s %10s %10s %9s  %s%n", "run", "state", "rounds", "seed MACs",
                    "best MACs", "best acc", "last change");
        }
        for (Path root : dirs) {
            if (roots != null && !roots.isEmpty() && !Files.isDirectory(root)) {
                throw new BadInputException(root + ": no such directory");
            }
            RunCatalog.Listing listing = RunCatalog.scan(root);
            if (!output.json && listing.runs().isEmpty() && listing.unreadable().isEmpty()) {
                out.println("(no runs in " + root + ")");
            }
            for (RunSummary r : listing.runs()) {
                if (output.json) {
                    ObjectNode n = json.addObject().put("run", r.directory().toString()).put("state", r.state().id())
                            .put("candidates", r.candidates()).put("rounds", r.rounds()).put("seedMacs", r.seedMacs())
                            .put("lastChange", r.lastChange().toString());
                    r.best().ifPresent(b -> n.put("bestId", b.id()).put("bestMacs", b.macs())
                            .put("bestAccuracy", b.accuracy()));
                } else {
                    out.printf(Locale.ROOT, "%-40s %-9s %6d %10s %10s %9s  %s%n", r.directory(), r.state(), r.rounds(),
                            Formats.count(r.seedMacs()), r.best().map(b -> Formats.count(b.macs())).orElse("–"),
                            r.best().map(b -> Formats.percent(b.accuracy())).orElse("–"), r.lastChange());
                }
            }
            for (RunCatalog.Unreadable u : listing.unreadable()) {
                if (output.json) {
                    json.addObject().put("run", u.directory().toString()).put("error", u.reason());
                } else {
                    out.printf(Locale.ROOT, "%-40s unreadable: %s%n", u.directory(), u.reason());
                }
            }
        }
        if (output.json) {
            Json.print(out, json);
        }
        out.flush();
    }
}
