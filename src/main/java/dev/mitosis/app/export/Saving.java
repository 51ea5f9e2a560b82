package dev.mitosis.app.export;

import dev.mitosis.app.common.Background;
import dev.mitosis.app.common.Dialogs;
import dev.mitosis.app.common.StatusNotes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.stage.Window;

/** Writes an export off the FX thread and says how it went: a status note, or a dialog saying why not. */
final class Saving {

    /** Writes the export to its target; runs on the I/O thread. */
    @FunctionalInterface
    interface Writer {
        void write(Path target) throws IOException;
    }

    private final Background background;
    private final StatusNotes notes;

    Saving(Background background, StatusNotes notes) {
        this.background = background;
        this.notes = notes;
    }

    /** @param what what is saved, for the note and the error ("the chart") */
    CompletableFuture<Path> save(Window owner, String what, Path target, Writer writer) {
        return background.io(() -> {
            try {
                writer.write(target);
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }, p -> notes.post("Saved " + what + " to " + p), error -> Dialogs.error(owner, "Cannot save " + what, error));
    }
}
