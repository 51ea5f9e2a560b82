package dev.mitosis.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mitosis.app.common.AppPaths;
import dev.mitosis.app.workspace.Document;
import dev.mitosis.app.workspace.ModelDocument;
import dev.mitosis.app.workspace.RunDocument;
import dev.mitosis.app.workspace.Workspace;
import dev.mitosis.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Where the export dialogs open: the folder last exported to, kept in {@code export-folder.json} under
 * the Mitosis home so the next session starts there too; else the folder of the open run or model;
 * else the home directory (never the folder the explorer was launched from). FX thread; the file is
 * a line of JSON, read when a dialog opens.
 */
final class ExportFolder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Supplier<Document> document;

    ExportFolder(Workspace workspace) {
        this(AppPaths.home().resolve("export-folder.json"), workspace::document);
    }

    ExportFolder(Path file, Supplier<Document> document) {
        this.file = file;
        this.document = document;
    }

    /** The folder a dialog should open in; one that exists. */
    Path initial() {
        return remembered().or(() -> folderOf(document.get())).filter(Files::isDirectory)
                .orElse(Path.of(System.getProperty("user.home")));
    }

    /** Remembers the folder something was just exported to. */
    void remember(Path folder) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, JSON.createObjectNode().put("folder", folder.toAbsolutePath().toString())
                    .toString() + "\n");
        } catch (IOException | RuntimeException e) {
            // a dialog that opens elsewhere next time is no reason to fail the export
            LoggerFactory.getLogger(ExportFolder.class).warn("cannot remember the export folder in {}", file, e);
        }
    }

    private Optional<Path> remembered() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode folder = JSON.readTree(file.toFile()).path("folder");
            return folder.isTextual() ? Optional.of(Path.of(folder.asText())).filter(Files::isDirectory) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> folderOf(Document doc) {
        if (doc instanceof RunDocument run) {
            return Optional.of(run.store().directory());
        }
        if (doc instanceof ModelDocument model) {
            return model.directory();
        }
        return Optional.empty();
    }
}
