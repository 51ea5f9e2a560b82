package dev.mitosis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mitosis.io.BadInputException;
import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthEvent;
import dev.mitosis.grow.GrowthSession;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.grow.StoredRun;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "grow", mixinStandardHelpOptions = true,
        description = {"Grow a model by rounds of probe, select, split, fine-tune and evaluate; every round's",
                "candidate is stored in the run directory. --resume continues a run after its last stored round."})
final class GrowCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "Seed: model directory, model.json or template (not needed with --resume).")
    String model;
    @Mixin
    TemplateOptions template;
    @Mixin
    DataOptions data;
    @Mixin
    SelectionOptions selection;
    @Mixin
    ProbeOptions probe;
    @Mixin
    TrainOptions training;
    @Mixin
    DeviceOption device;
    @Mixin
    OutputOptions output;

    @Option(names = "--rounds", paramLabel = "R", description = "Growth rounds (default: 3).")
    Integer rounds;

    @Option(names = "--retrain", description = "Also train each grown architecture from scratch (same epoch budget).")
    boolean retrain;

    @Option(names = "--out", paramLabel = "RUN", required = true, description = "Run directory.")
    Path out;

    @Option(names = "--from", paramLabel = "ID",
            description = "With --resume: grow a branch of --rounds new rounds from candidate ID of the run"
                    + " (its first candidate has ID as parent) instead of continuing after the last round.")
    Long from;

    @Option(names = "--resume", description = "Continue the run in --out after its last stored round.")
    boolean resume;

    @Override
    public void run() {
        PrintWriter stdout = spec.commandLine().getOut();
        RunStore store;
        Model seed;
        DataSplit split;
        Normalization normalization;
        GrowthConfig config;
        int seedEpochs;
        if (from != null && !resume) {
            throw new BadInputException("--from " + from + " grows a branch of an existing run: add --resume");
        }
        if (resume) {
            store = RunStore.openForWriting(out);
            try {
                RunConfig storedConfig = RunConfig.of(store);
                config = configure(storedConfig.growth());
                RunConfig.checkResumable(storedConfig.growth(), config, out.toString());
                if (explicit("--data") && !data.data.equals(storedConfig.data())) {
                    throw new BadInputException(out + ": --resume with --data " + data.data
                            + ", which contradicts the stored data " + storedConfig.data());
                }
                StoredRun stored = StoredRun.read(store, DataSources.system());
                split = stored.data();
                seed = stored.seedModel();
                normalization = stored.normalization();
                seedEpochs = stored.seedEpochs();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } else {
            if (model == null) {
                throw new BadInputException("grow needs a seed MODEL (or --resume with an existing run)");
            }
            TrainCommand.checkOutput(out);
            split = data.load();
            seed = template.load(model, Optional.of(split));
            split.checkFits(seed.spec(), "--data " + data.data);
            config = configure(GrowthConfig.defaults());
            Optional<TrainingRecord> record = Path.of(model).toFile().isDirectory()
                    ? TrainingRecord.read(Path.of(model)) : Optional.empty();
            normalization = record.map(TrainingRecord::normalization).orElseGet(() -> Normalization.of(split.train()));
            seedEpochs = record.map(TrainingRecord::epochs).orElse(0);
            store = RunStore.create(out, new RunConfig(data.data, Optional.ofNullable(data.dataDir).map(Path::toString),
                    config).toJson());
        }
        GrowthEvent end;
        try (store; GrowProgress progress = new GrowProgress(stdout, output.json)) {
            GrowthSession session = new GrowthSession(seed, seedEpochs, split, normalization, config, store, progress);
            if (from != null) {
                session.branchFrom(from, TrainOptions.or(rounds, 1));
            }
            session.run();
            end = progress.end();
            if (output.json) {
                ArrayNode arr = Json.MAPPER.createArrayNode();
                store.candidates().forEach(c -> FrontierCommand.json(arr.addObject(), c, false));
                Json.print(stdout, Json.object().put("run", out.toString()).set("candidates", arr));
            }
        }
        if (end instanceof GrowthEvent.Failed f) {
            throw f.badInput() ? new BadInputException(f.message()) : new IllegalStateException(f.message());
        }
        if (end instanceof GrowthEvent.Cancelled) {
            throw new java.util.concurrent.CancellationException();
        }
    }

    private boolean explicit(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** {@code base} with every option given on the command line applied. */
    private GrowthConfig configure(GrowthConfig base) {
        GrowthConfig.Strategy strategy = selection.strategy(base.strategy());
        Long target = selection.macs != null ? selection.macs : base.macTarget();
        return base.toBuilder().rounds(TrainOptions.or(rounds, base.rounds())).strategy(strategy)
                .grow(TrainOptions.or(selection.grow, base.grow()))
                .costModel(TrainOptions.or(selection.cost, base.costModel())).macTarget(target)
                .signed(TrainOptions.or(selection.signed, base.signed()))
                .signedBound(TrainOptions.or(selection.signedBound, base.signedBound()))
                .epsilon(TrainOptions.or(selection.epsilon, base.epsilon()))
                .exactProbe(probe.exact || base.exactProbe())
                .probePasses(TrainOptions.or(probe.passes, base.probePasses()))
                .probeLr(TrainOptions.or(probe.lr, base.probeLr()))
                .probeImages(TrainOptions.or(probe.images, base.probeImages()))
                .publishedCurvature(probe.published || base.publishedCurvature())
                .fineTune(training.config(base.fineTune()))
                .device(explicit("--device") ? device.device : base.device())
                .seed(TrainOptions.or(training.seed, base.seed())).retrain(retrain || base.retrain()).build();
    }
}
