package dev.mitosis.cli;

import dev.mitosis.baseline.AutoSlimBaseline;
import dev.mitosis.baseline.BaselineRun;
import dev.mitosis.baseline.UniformBaseline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Baselines stored in a run beside its grown candidates, for the same frontier.",
        subcommands = {BaselineCommand.Uniform.class, BaselineCommand.RandomSplit.class, BaselineCommand.AutoSlim.class})
final class BaselineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing baseline: uniform, random or autoslim");
    }

    /** A baseline that trains into an existing run: the run, the device, and the run's context. */
    abstract static class InRun implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--run", required = true, paramLabel = "RUN", description = "Run directory.")
        Path run;
        @Mixin
        DeviceOption device;
        @Mixin
        VerboseOption verbose;

        @Override
        public final void run() {
            checkOptions();
            PrintWriter out = spec.commandLine().getOut();
            try (GrowProgress progress = new GrowProgress(out, false);
                 BaselineRun ctx = BaselineRun.open(run, device.resolve(), progress, () -> false)) {
                train(ctx);
            }
        }

        /** Refuses contradicting options before the run is locked and its data loaded. */
        void checkOptions() {
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
            ctx.uniform(widths, profile, training::config);
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
            ctx.random(seeds);
        }
    }

    @Command(name = "autoslim", mixinStandardHelpOptions = true,
            description = {"AutoSlim: a slimmable supernet trained by the sandwich rule, searched greedily on held-out",
                    "training images for each MAC target, and every configuration found retrained from scratch with",
                    "the grown candidates' epoch budget."})
    static final class AutoSlim extends InRun {
        @Option(names = "--targets", split = ",", paramLabel = "MACS", converter = CountOption.class,
                description = "MAC targets, e.g. 125k,314k (default: the MACs of the run's grown candidates).")
        List<Long> targets = List.of();
        @Option(names = "--supernet-width", paramLabel = "K",
                description = "Supernet: the seed's splittable widths x K (default: 1.5x what the largest target needs).")
        Double supernetWidth;
        @Option(names = "--supernet-epochs", paramLabel = "N",
                description = "Epochs of supernet training (default: the run's epoch budget).")
        Integer supernetEpochs;
        @Option(names = "--groups", paramLabel = "G",
                description = "Widths per layer the search chooses among; one group per step (default: 10, published).")
        Integer groups;
        @Option(names = "--sandwich", paramLabel = "N",
                description = "Configurations per step: largest, smallest and N-2 random (default: 4, published).")
        Integer sandwich;
        @Option(names = "--held-out", paramLabel = "N",
                description = "Training images held out from the supernet for the search (default: a tenth, at most 2500).")
        Integer heldOut;
        @Option(names = "--calibration", paramLabel = "N",
                description = "Training images to recalibrate each configuration's batch norm on (default: 1024).")
        Integer calibration;
        @Option(names = "--slimmed", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Also store each configuration as sliced from the supernet, not retrained (default: on).")
        boolean slimmed;
        @Option(names = "--resume", description = "Continue the run's stored AutoSlim search.")
        boolean resume;
        @Option(names = "--restart", description = "Discard the run's stored AutoSlim search and start again.")
        boolean restart;
        @Mixin
        TrainOptions training;

        @Override
        void checkOptions() {
            if (resume && restart) {
                throw new ParameterException(spec.commandLine(), "--resume and --restart exclude each other");
            }
        }

        @Override
        void train(BaselineRun ctx) {
            List<Long> goals = ctx.autoslimTargets(targets);
            AutoSlimBaseline.Options d = ctx.autoslimDefaults(goals);
            var options = new AutoSlimBaseline.Options(
                    TrainOptions.or(supernetWidth, d.supernetWidth()), TrainOptions.or(groups, d.groups()),
                    TrainOptions.or(sandwich, d.sandwich()), TrainOptions.or(supernetEpochs, d.supernetEpochs()),
                    TrainOptions.or(heldOut, d.heldOutImages()), TrainOptions.or(calibration, d.calibrationImages()),
                    slimmed);
            ctx.autoslim(goals, options, training::config, resume, restart);
        }
    }
}
