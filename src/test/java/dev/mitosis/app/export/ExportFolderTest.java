package dev.mitosis.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.workspace.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFolderTest {

    @TempDir
    Path tmp;

    @Test
    void theLastFolderUsedOutlivesTheSessionElseTheHomeDirectory() throws Exception {
        Path file = tmp.resolve("home/export-folder.json");
        Document none = null;
        assertThat(new ExportFolder(file, () -> none).initial()).isEqualTo(Path.of(System.getProperty("user.home")));
        Path figures = Files.createDirectories(tmp.resolve("figures"));
        new ExportFolder(file, () -> none).remember(figures);
        assertThat(new ExportFolder(file, () -> none).initial()).isEqualTo(figures);
        // a remembered folder that is gone no longer counts
        Files.delete(figures);
        assertThat(new ExportFolder(file, () -> none).initial()).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
