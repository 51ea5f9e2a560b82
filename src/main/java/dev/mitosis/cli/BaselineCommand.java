package dev.mitosis.cli;

import dev.mitosis.io.BadInputException;
import dev.mitosis.baseline.RandomSplitBaseline;
import dev.mitosis.baseline.UniformBaseline;
import dev.mitosis.data.DataSources;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.grow.Finetuner;
import java.io.PrintWriter;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.StoredRun;
import dev.mitosis.store.RunStore;
import dev.mitosis.train.TrainConfig;
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

    /** A run opened for writing and read back, with a finetuner that prints each event as a line. */
    static final class RunContext implements AutoCloseable {
        final RunStore store;
        final StoredRun stored;

        RunContext(Path run) {
            store = RunStore.openForWriting(run);
            try {
                stored = StoredRun.read(store, DataSources.system());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }

        Finetuner finetuner(DeviceOption device, PrintWriter out) {
            return new Finetuner(stored.data(), stored.normalization(), device.resolve(), store, event -> {
                String line = GrowProgress.line(event);
                if (line != null) {
                    out.println(line);
                    out.flush();
                }
            }, () -> false);
        }

        @Override
        public void close() {
            store.close();
        }
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
            try (RunContext ctx = new RunContext(run)) {
                train(ctx, ctx.finetuner(device, spec.commandLine().getOut()));
            }
        }

        abstract void train(RunContext ctx, Finetuner finetuner);
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
        void train(RunContext ctx, Finetuner finetuner) {
            TrainConfig config = training.config(TrainConfig.defaults().withEpochs(ctx.stored.epochBudget()));
            UniformBaseline.run(finetuner, ctx.stored.seedModel().spec(), widths, profile, config, config.seed(),
                    e -> { });
        }
    }

    @Command(name = "random", mixinStandardHelpOptions = true,
            description = "Random Net2Net-style splits matched to each splitting round's MACs, fine-tuned alike.")
    static final class RandomSplit extends InRun {
        @Option(names = "--seeds", split = ",", paramLabel = "S", defaultValue = "1",
                description = "Random seeds, one chain of rounds each (default: ${DEFAULT-VALUE}).")
        List<Long> seeds;

        @Override
        void train(RunContext ctx, Finetuner finetuner) {
            List<CandidateRecord> rounds = StoredRun.grown(ctx.store);
            if (rounds.isEmpty()) {
                throw new BadInputException(run + ": the run has no grown candidates to match yet");
            }
            GrowthConfig g = ctx.stored.config().growth();
            for (long s : seeds) {
                RandomSplitBaseline.run(finetuner, ctx.stored.seedModel(), ctx.stored.seed().id(), rounds, g.fineTune(),
                        g.epsilon(), s, e -> { });
            }
        }
    }
}
