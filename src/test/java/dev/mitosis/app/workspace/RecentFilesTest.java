package dev.mitosis.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

    @TempDir
    Path tmp;

    @Test
    void newestFirstAtMostTenAndPersisted() {
        Path file = tmp.resolve("home/recent.json");
        RecentFiles r = RecentFiles.load(file);
        for (int i = 0; i < 12; i++) {
            r.add(tmp.resolve("run" + i));
        }
        r.add(tmp.resolve("run5"));
        assertThat(r.paths()).hasSize(RecentFiles.LIMIT);
        assertThat(r.paths().get(0)).isEqualTo(tmp.resolve("run5"));
        assertThat(r.paths().get(1)).isEqualTo(tmp.resolve("run11"));
        assertThat(r.paths()).doesNotContain(tmp.resolve("run0"), tmp.resolve("run1"));
        assertThat(RecentFiles.load(file).paths()).containsExactlyElementsOf(r.paths());
    }

    @Test
    void aBrokenFileReadsAsEmpty() throws Exception {
        Path file = tmp.resolve("recent.json");
        Files.writeString(file, "{ not json");
        assertThat(RecentFiles.load(file).paths()).isEmpty();
    }
}
