package dev.mitosis.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The enum lists every FXML file of the explorer, and each of its entries is on the class path. */
class FxmlFileTest {

    private static final Path SOURCES = Path.of("src/main/resources/dev/mitosis/app");
    private static final String PREFIX = "/dev/mitosis/app/";

    @Test
    void everyFxmlFileIsListedAndEveryEntryResolves() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertThat(Arrays.stream(FxmlFile.values()).map(f -> {
                String url = f.url().getPath();
                return url.substring(url.lastIndexOf(PREFIX) + PREFIX.length());
            })).containsExactlyInAnyOrderElementsOf(files.filter(p -> p.toString().endsWith(".fxml"))
                    .map(p -> SOURCES.relativize(p).toString().replace('\\', '/')).toList());
        }
    }
}
