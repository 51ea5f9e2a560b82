package dev.mitosis.app.workspace;

import dev.mitosis.BadInputException;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.store.RunStore;
import dev.mitosis.weights.Initializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Opens what the explorer can show. Every method does I/O and runs off the FX thread; the result is
 * an {@link Opened}: the document plus its candidate rows, ready to hand to the {@link Workspace}.
 */
public final class Documents {

    /** The trained seed shipped in the jar (and in samples/ of a source tree). */
    public static final String BUNDLED_SEED = "mbv1-seed-fmnist";
    private static final String BUNDLED_RESOURCE = "/samples/" + BUNDLED_SEED + "/";
    private static final List<String> BUNDLED_FILES = List.of(ModelDirectory.SPEC_FILE, ModelDirectory.WEIGHTS_FILE,
            TrainingRecord.FILE);

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

    /**
     * The bundled trained seed, read from the jar (copied to a temporary directory first, so it opens
     * from any working directory) or from {@code samples/} of a source tree.
     */
    public static Opened bundledSeed() {
        Path dir = bundledSeedDirectory();
        Model model = ModelDirectory.read(dir);
        ModelDocument doc = new ModelDocument(model, TrainingRecord.read(dir), "bundled sample", Optional.empty());
        return new Opened(doc, List.of(doc.entry()));
    }

    /** A template network with fresh weights (deterministic in {@code seed}); it has no accuracy yet. */
    public static Opened template(NetworkSpec spec, long seed) {
        Model model = new Model(spec, Initializer.initialize(spec, seed));
        ModelDocument doc = new ModelDocument(model, Optional.empty(), "template, untrained", Optional.empty());
        return new Opened(doc, List.of(doc.entry()));
    }

    static Path bundledSeedDirectory() {
        if (Documents.class.getResource(BUNDLED_RESOURCE + ModelDirectory.SPEC_FILE) != null) {
            try {
                Path tmp = Files.createTempDirectory("mitosis-seed-");
                tmp.toFile().deleteOnExit();
                for (String f : BUNDLED_FILES) {
                    try (InputStream in = Documents.class.getResourceAsStream(BUNDLED_RESOURCE + f)) {
                        if (in != null) {
                            Path target = tmp.resolve(f);
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                            target.toFile().deleteOnExit();
                        }
                    }
                }
                return tmp;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the bundled seed: " + e.getMessage(), e);
            }
        }
        Path local = Path.of("samples", BUNDLED_SEED);
        if (ModelDirectory.isModelDirectory(local)) {
            return local;
        }
        throw new BadInputException("classpath:" + BUNDLED_RESOURCE + ": the bundled seed is missing; rebuild the jar");
    }
}
