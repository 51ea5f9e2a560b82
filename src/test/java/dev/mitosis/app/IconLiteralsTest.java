package dev.mitosis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.IkonHandler;
import java.util.ServiceLoader;

/** Every icon the explorer names (in code and FXML) exists in the Material Design pack. */
class IconLiteralsTest {

    private static final Pattern LITERAL = Pattern.compile("\"(mdi2[a-z]-[a-z0-9-]+)\"");

    @Test
    void everyIconLiteralResolves() throws IOException {
        Set<String> literals = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/java/dev/mitosis/app"), Path.of("src/main/resources/dev/mitosis/app")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".fxml")).toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(f));
                    while (m.find()) {
                        literals.add(m.group(1));
                    }
                }
            }
        }
        assertThat(literals).hasSizeGreaterThan(20);
        for (String literal : literals) {
            boolean found = false;
            for (IkonHandler handler : ServiceLoader.load(IkonHandler.class)) {
                if (handler.supports(literal)) {
                    try {
                        found = handler.resolve(literal) != null;
                    } catch (IllegalArgumentException unknown) {
                        found = false;
                    }
                }
            }
            assertThat(found).as("icon %s", literal).isTrue();
        }
    }
}
