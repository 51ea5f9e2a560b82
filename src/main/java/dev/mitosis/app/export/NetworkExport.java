package dev.mitosis.app.export;

import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.StatusNotes;
import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.app.workspace.Document;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.io.AtomicFiles;
import dev.mitosis.io.BadInputException;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.net.SpecCodec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Saving the selected network (a stored candidate or the draft): as a model directory that
 * {@code mitosis} and the explorer open again, with the training.json that says how its weights were
 * trained (the normalisation they expect above all), or as its architecture alone (model.json).
 */
public final class NetworkExport {

    private final Workspace workspace;
    private final Saving saving;
    private final ExportFolder folder;

    public NetworkExport(Workspace workspace, Background background, StatusNotes notes) {
        this.workspace = workspace;
        this.saving = new Saving(background, notes);
        this.folder = new ExportFolder(workspace);
    }

    /** Asks for a parent directory and writes the model directory there, named after the network. */
    public void saveModelDirectory(Window owner) {
        CandidateEntry sel = workspace.selected();
        if (sel == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Parent directory for the model " + sel.spec().name());
        chooser.setInitialDirectory(folder.initial().toFile());
        File parent = chooser.showDialog(owner);
        if (parent == null) {
            return;
        }
        folder.remember(parent.toPath());
        writeModelDirectory(owner, sel, parent.toPath().resolve(sel.spec().name() + "-" + sel.displayId().replace("#", "")));
    }

    /** Writes {@code sel} as a new model directory {@code target}. FX thread (it reads the workspace). */
    public CompletableFuture<Path> writeModelDirectory(Window owner, CandidateEntry sel, Path target) {
        Supplier<Model> model = workspace.modelOf(sel);
        Supplier<Optional<TrainingRecord>> training = trainingOf(sel);
        return saving.save(owner, "the model", target, dir -> {
            if (Files.exists(dir)) {
                throw new BadInputException(dir + ": exists; choose another directory");
            }
            ModelDirectory.write(dir, model.get(), training.get()
                    .map(t -> Map.of(TrainingRecord.FILE, t.toJson())).orElse(Map.of()));
        });
    }

    /**
     * The training record to write with {@code sel}, read when called (off the FX thread). A draft's
     * weights are its base's, some layers re-initialised: they expect the base's normalisation, and
     * their accuracy is unknown until evaluated.
     */
    private Supplier<Optional<TrainingRecord>> trainingOf(CandidateEntry sel) {
        Document doc = workspace.document();
        if (!sel.draft()) {
            CandidateRecord record = sel.record();
            return () -> doc.trainingRecord(record);
        }
        Optional<CandidateRecord> base = workspace.stored().stream().map(CandidateEntry::record)
                .filter(r -> r.id() == sel.record().parentId()).findFirst();
        return () -> base.flatMap(doc::trainingRecord).map(t -> new TrainingRecord(t.dataset(), t.normalization(),
                t.epochs(), Double.NaN, Double.NaN, "mitosis explorer: edit of #" + sel.record().parentId()));
    }

    /** Asks for a file and writes the network's model.json there. */
    public void saveArchitecture(Window owner) {
        CandidateEntry sel = workspace.selected();
        if (sel == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the architecture");
        chooser.setInitialFileName(sel.spec().name() + ".json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Mitosis model.json", "*.json"));
        chooser.setInitialDirectory(folder.initial().toFile());
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        folder.remember(file.toPath().toAbsolutePath().getParent());
        String json = SpecCodec.write(sel.spec());
        saving.save(owner, "the architecture", file.toPath(), target -> AtomicFiles.writeString(target, json));
    }
}
