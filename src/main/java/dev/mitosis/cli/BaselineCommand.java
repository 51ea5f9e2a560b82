package dev.mitosis.cli;

import dev.mitosis.io.BadInputException;
import dev.mitosis.baseline.RandomSplitBaseline;
import dev.mitosis.baseline.UniformBaseline;
import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Method;
import dev.mitosis.grow.Finetuner;
import java.io.PrintWriter;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
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

    /** What every baseline reads from its run. */
    static final class RunContext implements AutoCloseable {
        final RunStore store;
        final RunConfig config;
        final DataSplit data;
        final CandidateRecord seed;
        final Model seedModel;
        final Normalization normalization;

        RunContext(Path run) {
            store = RunStore.openForWriting(run);
            try {
                config = RunConfig.fromJson(store.configJson(), run.resolve(RunStore.DATABASE).toString());
                data = DataSources.system().load(config.data(), config.dataDir().map(Path::of));
                seed = store.candidates().stream().filter(c -> c.method() == Method.SEED).findFirst()
                        .orElseThrow(() -> new BadInputException(run + ": the run has no seed candidate yet"));
                seedModel = store.loadModel(seed);
                normalization = TrainingRecord.read(store.modelDirectory(seed)).map(TrainingRecord::normalization)
                        .orElseGet(() -> Normalization.of(data.train()));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }

        Finetuner finetuner(DeviceOption device, PrintWriter out) {
            return new Finetuner(data, normalization, device.resolve(), store, event -> {
                String line = GrowProgress.line(event);
                if (line != null) {
                    out.println(line);
                    out.flush();
                }
            }, () -> false);
        }

        /** Epochs a grown candidate of the last round has had in total: the seed's plus each round's. */
        int epochBudget() {
            GrowthConfig g = config.growth();
            int seedEpochs = TrainingRecord.read(store.modelDirectory(seed)).map(TrainingRecord::epochs).orElse(0);
            return seedEpochs + g.rounds() * g.fineTune().epochs();
        }

        List<CandidateRecord> splitRounds() {
            return store.candidates().stream().filter(c -> c.method() == Method.SPLIT).toList();
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
            TrainConfig config = training.config(TrainConfig.defaults().withEpochs(ctx.epochBudget()));
            UniformBaseline.run(finetuner, ctx.seedModel.spec(), widths, profile, config, config.seed(), e -> { });
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
            List<CandidateRecord> rounds = ctx.splitRounds();
            if (rounds.isEmpty()) {
                throw new BadInputException(run + ": the run has no grown candidates to match yet");
            }
            GrowthConfig g = ctx.config.growth();
            for (long s : seeds) {
                RandomSplitBaseline.run(finetuner, ctx.seedModel, ctx.seed.id(), rounds, g.fineTune(), g.epsilon(), s,
                        e -> { });
            }
        }
    }
}
