package dev.mitosis.cli;

import dev.mitosis.data.DataSplit;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** MODEL, the positional argument: see {@link TemplateOptions#load}. */
public final class ModelOptions {

    @Parameters(index = "0", paramLabel = "MODEL",
            description = "Model directory, model.json file, or template (mbv1, mbv2, mbv1-seed, mbv2-seed).")
    String model;

    @Mixin
    TemplateOptions template;

    /** A model with the data it runs on and the input normalisation its weights expect. */
    record OnData(Model model, DataSplit data, dev.mitosis.data.Normalization normalization,
                  Optional<TrainingRecord> record) {
    }

    /**
     * Loads the data, then the model (fitted to the data when it is a template), checks that they fit,
     * and picks the normalisation: the model's own (training.json) or the training set's.
     */
    public OnData loadOn(DataOptions data) {
        DataSplit split = data.load();
        Model m = load(Optional.of(split));
        split.checkFits(m.spec(), "--data " + data.data);
        Optional<TrainingRecord> rec = record();
        return new OnData(m, split, rec.map(TrainingRecord::normalization)
                .orElseGet(() -> dev.mitosis.data.Normalization.of(split.train())), rec);
    }

    /** The model, fitted to {@code data} when it is a template. */
    public Model load(Optional<DataSplit> data) {
        return template.load(model, data);
    }

    /** The training record next to a model directory, if there is one. */
    public Optional<TrainingRecord> record() {
        Path path = Path.of(model);
        return Files.isDirectory(path) ? TrainingRecord.read(path) : Optional.empty();
    }
}
