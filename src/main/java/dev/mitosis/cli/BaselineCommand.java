package dev.mitosis.cli;

import dev.mitosis.baseline.BaselineRun;
import dev.mitosis.baseline.UniformBaseline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Baselines stored in a run beside its grown candidates, for the same frontier.",
        subcommands = {BaselineCommand.Uniform.class, BaselineCommand.RandomSplit.class})
final class BaselineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing baseline: uniform or random");
    }

    /** A baseline that trains into an existing run: the run, the device, and the run's context. */
    abstract static class InRun implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--run", required = true, paramLabel = "RUN", description = "Run directory.")
        Path run;
        @Mixin
        DeviceOption device;

        @Override
        public final void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (BaselineRun ctx = BaselineRun.open(run, device.resolve(), event -> {
                String line = GrowProgress.line(event);
                if (line != null) {
                    out.println(line);
                    out.flush();
                }
            }, () -> false)) {
                train(ctx);
            }
        }

        abstract void train(BaselineRun ctx);
    }

    @Command(name = "uniform", mixinStandardHelpOptions = true,
            description = "Uniform-width networks trained from scratch with the grown candidates' epoch budget.")
    static final class Uniform extends InRun {
        @Option(names = "--widths", split = ",", paramLabel = "K", defaultValue = "0.5,1,1.5,2",
                description = "Width multipliers (default: ${DEFAULT-VALUE}).")
        List<Double> widths;
        @Option(names = "--profile", paramLabel = "P", defaultValue = "seed", completionCandidates = Choices.Profiles.class,
                description = "${COMPLETION-CANDIDATES}: the seed's widths x K, or a MobileNet template with width"
                        + " multiplier K (default: ${DEFAULT-VALUE}).")
        UniformBaseline.Profile profile;
        @Mixin
        TrainOptions training;

        @Override
        void train(BaselineRun ctx) {
            ctx.uniform(widths, profile, training::config, e -> { });
        }
    }

    @Command(name = "random", mixinStandardHelpOptions = true,
            description = "Random Net2Net-style splits matched to each splitting round's MACs, fine-tuned alike.")
    static final class RandomSplit extends InRun {
        @Option(names = "--seeds", split = ",", paramLabel = "S", defaultValue = "1",
                description = "Random seeds, one chain of rounds each (default: ${DEFAULT-VALUE}).")
        List<Long> seeds;

        @Override
        void train(BaselineRun ctx) {
            ctx.random(seeds, e -> { });
        }
    }
}
