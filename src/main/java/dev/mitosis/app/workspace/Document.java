package dev.mitosis.app.workspace;

import dev.mitosis.data.Normalization;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.model.Model;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.train.EpochMetrics;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the explorer has open: one model (a directory, the bundled seed or a template) or a run with
 * all its candidates. Reading methods do I/O and are called off the FX thread.
 */
public sealed interface Document extends AutoCloseable permits ModelDocument, RunDocument {

    /** For the window title: "mbv1-seed (bundled sample)", "run 2024-…". */
    String title();

    /** The full model (weights included) of one of the document's candidates. */
    Model loadModel(CandidateRecord candidate);

    /** The input normalisation the candidate's weights were trained with, when recorded. */
    Optional<Normalization> normalization(CandidateRecord candidate);

    /**
     * The candidate's own training record (training.json: dataset, normalisation, epochs, accuracy), as
     * an exported model directory carries it; empty when it has none (templates, unevaluated splits).
     */
    Optional<TrainingRecord> trainingRecord(CandidateRecord candidate);

    /**
     * How many test images the document's accuracies were measured on, when a growth evaluated on only
     * part of the test set; empty when on all of it (or unknown).
     */
    default OptionalInt testImages() {
        return OptionalInt.empty();
    }

    /**
     * Every epoch of training behind the candidate's weights: its own and, for weights it inherited
     * (a fine-tuned split), its ancestors' back to the seed or to a candidate trained from scratch.
     * A growth from this candidate stores it as its seed with this count, so that retraining gets the
     * same total.
     */
    int totalEpochs(CandidateRecord candidate);

    /** Per-neuron statistics of the probe of the round that produced {@code candidate}; empty if none. */
    List<LayerSnapshot> neuronStats(CandidateRecord candidate);

    /** Fine-tuning epochs of one round of one method; empty if none. */
    List<EpochMetrics> epochs(int round, String method);

    /** How the run chose neurons ("quantile", "energy-aware", "mac-target"); empty when not a run. */
    default String strategy() {
        return "";
    }

    @Override
    void close();
}
