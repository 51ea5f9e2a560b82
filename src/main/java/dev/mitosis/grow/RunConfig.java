package dev.mitosis.grow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.io.BadInputException;
import java.io.IOException;
import java.util.Optional;

/**
 * What a run store keeps as its config: the dataset it grows on and the growth settings.
 *
 * @param data the {@code --data} value (a dataset name or a path)
 * @param dataDir the {@code --data-dir} value, if any
 */
public record RunConfig(String data, Optional<String> dataDir, GrowthConfig growth) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            ObjectNode n = JSON.createObjectNode();
            n.put("schemaVersion", 1);
            n.put("data", data);
            dataDir.ifPresent(d -> n.put("dataDir", d));
            n.set("growth", JSON.readTree(growth.toJson()));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunConfig fromJson(String json, String source) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.has("growth") || !n.has("data")) {
                throw new BadInputException(source + ": stored run config lacks data or growth settings");
            }
            return new RunConfig(n.get("data").asText(), Optional.ofNullable(n.get("dataDir")).map(JsonNode::asText),
                    GrowthConfig.fromJson(n.get("growth").toString(), source));
        } catch (IOException e) {
            throw new BadInputException(source + ": stored run config is not valid JSON (" + e.getMessage() + ")");
        }
    }
}
