package dev.mitosis.app.workspace;

import dev.mitosis.run.Method;
import dev.mitosis.data.Normalization;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.net.Topology;
import dev.mitosis.train.EpochMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One model held in memory: a model directory, the bundled seed or a freshly initialised template. It
 * shows as a single candidate (round 0, method {@link Method#SEED}).
 *
 * @param source how it was opened, for the title: "bundled sample", a path, "template"
 * @param directory where it lives on disk, if anywhere the user chose
 */
public record ModelDocument(Model model, Optional<TrainingRecord> training, String source, Optional<Path> directory)
        implements Document {

    /** The single candidate this document shows. */
    public CandidateRecord record() {
        Topology t = model.spec().topology();
        double accuracy = training.map(TrainingRecord::testAccuracy).orElse(Double.NaN);
        double loss = training.map(TrainingRecord::testLoss).orElse(Double.NaN);
        return new CandidateRecord(1, 0, 0, Method.SEED, model.spec().name(), t.macs(), t.params(), accuracy, loss, 0,
                t.neuronLayers().stream().map(NeuronLayer::key).toList(),
                t.neuronLayers().stream().map(NeuronLayer::width).toList(),
                directory.map(Path::toString).orElse(""), 0);
    }

    public CandidateEntry entry() {
        return new CandidateEntry(record(), model.spec(), false);
    }

    @Override
    public String title() {
        return model.spec().name() + " (" + source + ")";
    }

    @Override
    public Model loadModel(CandidateRecord candidate) {
        return model;
    }

    @Override
    public Optional<Normalization> normalization(CandidateRecord candidate) {
        return training.map(TrainingRecord::normalization);
    }

    @Override
    public Optional<TrainingRecord> trainingRecord(CandidateRecord candidate) {
        return training;
    }

    @Override
    public int totalEpochs(CandidateRecord candidate) {
        return training.map(TrainingRecord::epochs).orElse(0);
    }

    @Override
    public List<LayerSnapshot> neuronStats(CandidateRecord candidate) {
        return List.of();
    }

    @Override
    public List<EpochMetrics> epochs(int round, String method) {
        return List.of();
    }

    @Override
    public void close() {
    }
}
