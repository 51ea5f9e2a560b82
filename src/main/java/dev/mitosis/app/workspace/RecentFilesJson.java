package dev.mitosis.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wire format of recent.json, apart from the observable {@link RecentFiles}:
 * <pre>{ "schemaVersion": 1, "recent": [ "/abs/path", … ] }</pre>
 * A broken file is not worth an error dialog: it reads as empty and is rewritten on the next open.
 */
final class RecentFilesJson {

    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Logger LOG = LoggerFactory.getLogger(RecentFilesJson.class);

    private RecentFilesJson() {
    }

    static List<Path> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            List<Path> out = new ArrayList<>();
            for (JsonNode n : root.path("recent")) {
                if (n.isTextual() && out.size() < RecentFiles.LIMIT) {
                    try {
                        out.add(Path.of(n.asText()));
                    } catch (InvalidPathException e) {
                        LOG.debug("{}: skipping invalid path {}", file, n.asText());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            LOG.warn("{}: unreadable, starting with no recent files ({})", file, e.getMessage());
            return List.of();
        }
    }

    static void write(Path file, List<Path> paths) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ArrayNode recent = root.putArray("recent");
        paths.forEach(p -> recent.add(p.toString()));
        try {
            AtomicFiles.writeString(file, MAPPER.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            LOG.warn("{}: cannot save recent files ({})", file, e.getMessage());
        }
    }
}
