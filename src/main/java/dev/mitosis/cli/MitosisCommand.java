package dev.mitosis.cli;

import picocli.CommandLine.Command;

/** The root command; with no subcommand the launcher opens the GUI instead. */
@Command(name = "mitosis", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Grow small, energy-efficient neural networks by neuron splitting.",
        subcommands = {InfoCommand.class, TemplatesCommand.class, TrainCommand.class, EvalCommand.class,
                ProbeCommand.class, SplitCommand.class, GrowCommand.class,
                BaselineCommand.class, FrontierCommand.class, RunsCommand.class, BenchCommand.class})
public final class MitosisCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "missing command (run 'mitosis --help' for the list, or no arguments for the GUI)");
    }
}
