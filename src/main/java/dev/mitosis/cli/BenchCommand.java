package dev.mitosis.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (throughput, ratios, memory).",
        subcommands = {BenchTrainCommand.class, BenchSplitCommand.class, BenchAutoSlimCommand.class,
                BenchSoakCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing benchmark: " + String.join(", ", spec.subcommands().keySet()));
    }
}
