package dev.mitosis.app.bench;

import dev.mitosis.cli.Json;
import dev.mitosis.cli.OutputOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"FX-thread responsiveness while a probe streams every neuron's λ_min into the explorer:",
                "frame-gap p50/p99 (goal p99 < 33 ms). Needs a display: run under xvfb-run on a server."})
/**
 * {@code mitosis bench ui}. It lives with the benchmark it runs, above the CLI, and the launcher adds it
 * under {@code bench}: the command line itself knows nothing of JavaFX.
 */
public final class BenchUiCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOptions output;
    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    double seconds;
    @Option(names = "--events", defaultValue = "50", description = "Probe events per second (default: ${DEFAULT-VALUE}).")
    double events;
    @Option(names = "--width", defaultValue = "1.0",
            description = "MobileNetV1 width at 28x28 (1.0: 5,984 neurons; default: ${DEFAULT-VALUE}).")
    double width;

    @Override
    public void run() {
        UiResponsiveness.Result r;
        try {
            r = UiResponsiveness.run(new UiResponsiveness.Options(width, seconds, events, 1.0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } finally {
            javafx.application.Platform.exit();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Json.print(out, Json.object().put("neurons", r.neurons()).put("events", r.events()).put("frames", r.frames())
                    .put("p50Ms", r.p50Ms()).put("p99Ms", r.p99Ms()).put("maxMs", r.maxMs()).put("platform", r.platform())
                    .put("meetsGoal", r.meetsGoal()));
        } else {
            out.println(r);
            out.flush();
        }
    }
}
