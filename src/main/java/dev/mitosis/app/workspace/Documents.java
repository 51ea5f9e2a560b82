package dev.mitosis.app.workspace;

import dev.mitosis.io.BadInputException;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.store.RunStore;
import dev.mitosis.weights.Initializer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens what the explorer can show. Every method does I/O and runs off the FX thread; the result is
 * an {@link Opened}: the document plus its candidate rows, ready to hand to the {@link Workspace}.
 */
public final class Documents {

    private Documents() {
    }

    /** A document with its rows: all candidates of a run, or the single row of a model. */
    public record Opened(Document document, List<CandidateEntry> entries) {
        public Opened {
            entries = List.copyOf(entries);
        }
    }

    /** A run directory (run.db) or a model directory (model.json + weights). */
    public static Opened open(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        if (RunStore.isRun(dir)) {
            RunDocument run = new RunDocument(RunStore.open(dir));
            try {
                return new Opened(run, run.entries());
            } catch (RuntimeException e) {
                run.close();
                throw e;
            }
        }
        if (ModelDirectory.isModelDirectory(dir)) {
            Model model = ModelDirectory.read(dir);
            ModelDocument doc = new ModelDocument(model, TrainingRecord.read(dir), dir.toString(), Optional.of(dir));
            return new Opened(doc, List.of(doc.entry()));
        }
        throw new BadInputException(dir + ": neither a run directory (no " + RunStore.DATABASE
                + ") nor a model directory (no " + ModelDirectory.SPEC_FILE + ")");
    }

    /** The bundled trained seed, read from the class path, so it opens from any working directory. */
    public static Opened bundledSeed() {
        Model model = BundledSeed.load();
        ModelDocument doc = new ModelDocument(model, Optional.of(BundledSeed.record()), "bundled sample",
                Optional.empty());
        return new Opened(doc, List.of(doc.entry()));
    }

    /** A template network with fresh weights (deterministic in {@code seed}); it has no accuracy yet. */
    public static Opened template(NetworkSpec spec, long seed) {
        Model model = new Model(spec, Initializer.initialize(spec, seed));
        ModelDocument doc = new ModelDocument(model, Optional.empty(), "template, untrained", Optional.empty());
        return new Opened(doc, List.of(doc.entry()));
    }
}
