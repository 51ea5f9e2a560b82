package dev.mitosis.cli;

import dev.mitosis.net.Templates;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "templates", mixinStandardHelpOptions = true, description = "List the model templates.")
final class TemplatesCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            var arr = Json.MAPPER.createArrayNode();
            Templates.all().forEach(t -> arr.addObject().put("name", t.name()).put("description", t.description())
                    .put("scalable", t.scalable()));
            Json.print(out, arr);
            return;
        }
        Templates.all().forEach(t -> out.printf(Locale.ROOT, "%-10s %s%n", t.name(), t.description()));
        out.flush();
    }
}
