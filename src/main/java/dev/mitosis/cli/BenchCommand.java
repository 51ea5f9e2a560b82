package dev.mitosis.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (throughput, ratios, memory).",
        subcommands = {BenchTrainCommand.class, BenchSplitCommand.class, BenchSoakCommand.class,
                BenchUiCommand.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "missing benchmark: train, split, soak or ui");
    }
}
