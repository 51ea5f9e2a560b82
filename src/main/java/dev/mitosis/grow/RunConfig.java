package dev.mitosis.grow;

import dev.mitosis.store.RunStore;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.data.DataSubset;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.io.BadInputException;
import dev.mitosis.split.CostModel;
import dev.mitosis.train.LrSchedule;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a run store keeps as its config: the dataset it grows on and the growth settings, as JSON that
 * Jackson binds to {@link GrowthConfig} and {@link dev.mitosis.train.TrainConfig} directly (the records'
 * component names are the field names; choices are written by their ids). The format is described in
 * docs/formats.md.
 *
 * <p>Schema versions: 3 (this one) records the data subset a quick run used; 2 nested the LR schedule
 * ({@code fineTune.schedule: {kind, stepEvery, stepGamma}}) and gave fine-tuning its own seed; version 1
 * wrote the schedule flat. Older versions are upgraded on reading.
 *
 * @param data the {@code --data} value (a dataset name or a path)
 * @param dataDir the {@code --data-dir} value, if any
 * @param subset the part of the data the run uses ({@link DataSubset#ALL} for all of it)
 */
public record RunConfig(String data, Optional<String> dataDir, DataSubset subset, GrowthConfig growth) {

    public static final int SCHEMA_VERSION = 3;

    /** A run on all of its data. */
    public RunConfig(String data, Optional<String> dataDir, GrowthConfig growth) {
        this(data, dataDir, DataSubset.ALL, growth);
    }

    /** The JSON layout: a wire record, so the domain record keeps its Optional. */
    private record Wire(int schemaVersion, String data, String dataDir, DataSubset subset, GrowthConfig growth) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .registerModule(new SimpleModule("mitosis-choices")
                    .addSerializer(GrowthConfig.Strategy.class, byId(GrowthConfig.Strategy::id))
                    .addDeserializer(GrowthConfig.Strategy.class, fromId(GrowthConfig.Strategy.values(),
                            GrowthConfig.Strategy::id))
                    .addSerializer(CostModel.class, byId(CostModel::id))
                    .addDeserializer(CostModel.class, fromId(CostModel.values(), CostModel::id))
                    .addSerializer(LrSchedule.Kind.class, byId(LrSchedule.Kind::id))
                    .addDeserializer(LrSchedule.Kind.class, fromId(LrSchedule.Kind.values(), LrSchedule.Kind::id))
                    .addSerializer(DeviceChoice.class, byId(DeviceChoice::toString))
                    .addDeserializer(DeviceChoice.class, new JsonDeserializer<>() {
                        @Override
                        public DeviceChoice deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return DeviceChoice.parse(p.getValueAsString());
                        }
                    }));

    public String toJson() {
        try {
            return JSON.writeValueAsString(new Wire(SCHEMA_VERSION, data, dataDir.orElse(null), subset, growth));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The config stored in {@code store}'s run; errors name its database. */
    public static RunConfig of(RunStore store) {
        return fromJson(store.configJson(), store.directory().resolve(RunStore.DATABASE).toString());
    }

    /** Reads a stored config; {@code source} names the run database in errors. */
    public static RunConfig fromJson(String json, String source) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject() || !n.has("growth") || !n.has("data")) {
                throw new BadInputException(source + ": stored run config lacks data or growth settings");
            }
            int version = n.path("schemaVersion").asInt(1);
            if (version > SCHEMA_VERSION) {
                throw new BadInputException(source + ": run config schema version " + version
                        + " is newer than this Mitosis reads (" + SCHEMA_VERSION + ")");
            }
            if (version == 1) {
                upgradeFromVersion1((ObjectNode) n);
            }
            if (version <= 2) {
                ((ObjectNode) n).set("subset", JSON.valueToTree(DataSubset.ALL));
            }
            Wire w = JSON.treeToValue(n, Wire.class);
            return new RunConfig(w.data(), Optional.ofNullable(w.dataDir()), w.subset(), w.growth());
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof BadInputException || e instanceof ValueInstantiationException && cause != null
                    ? cause.getMessage() : e.getOriginalMessage().startsWith("Missing creator property") ? "missing"
                    : e.getOriginalMessage();
            throw new BadInputException(source + ": stored run config: " + path(e) + why);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": stored run config is unreadable (" + e.getOriginalMessage() + ")");
        }
    }

    /** "growth.fineTune.lr: " for the field a mapping error is about; empty when Jackson does not say. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining("."));
        return path.isEmpty() ? "" : path + ": ";
    }

    /** Version 1 wrote {@code fineTune.schedule} as a name beside stepEvery/stepGamma and no fine-tuning seed. */
    private static void upgradeFromVersion1(ObjectNode n) {
        JsonNode growth = n.get("growth");
        if (!n.has("dataDir")) {
            n.putNull("dataDir");
        }
        if (growth instanceof ObjectNode g && !g.has("macTarget")) {
            g.putNull("macTarget");
        }
        if (growth instanceof ObjectNode g && g.get("fineTune") instanceof ObjectNode t && t.path("schedule").isTextual()) {
            ObjectNode schedule = JSON.createObjectNode();
            schedule.put("kind", t.get("schedule").asText());
            schedule.set("stepEvery", t.remove("stepEvery"));
            schedule.set("stepGamma", t.remove("stepGamma"));
            t.set("schedule", schedule);
            t.set("seed", g.get("seed"));
        }
    }

    /**
     * Fails with the first setting of {@code requested} that differs from {@code stored}, except the number
     * of rounds (a run may be extended) and the device (a run may move to another machine).
     */
    public static void checkResumable(GrowthConfig stored, GrowthConfig requested, String source) {
        ObjectNode a = comparable(stored);
        ObjectNode b = comparable(requested);
        String diff = firstDifference("", a, b);
        if (diff == null) {
            diff = firstDifference("", b, a);
            if (diff != null) {
                diff = diff.replaceFirst("(.*) = (.*), which contradicts the stored (.*) = (.*)",
                        "$1 = $4, which contradicts the stored $3 = $2");
            }
        }
        if (diff != null) {
            throw new BadInputException(source + ": --resume with " + diff);
        }
    }

    private static ObjectNode comparable(GrowthConfig config) {
        ObjectNode n = JSON.valueToTree(config);
        n.remove("rounds");
        n.remove("device");
        return n;
    }

    private static String firstDifference(String prefix, JsonNode stored, JsonNode requested) {
        for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode other = requested.get(e.getKey());
            String path = prefix + e.getKey();
            if (e.getValue().isObject() && other != null && other.isObject()) {
                String inner = firstDifference(path + ".", e.getValue(), other);
                if (inner != null) {
                    return inner;
                }
            } else if (!e.getValue().equals(other)) {
                return path + " = " + (other == null ? "(none)" : other) + ", which contradicts the stored " + path
                        + " = " + e.getValue();
            }
        }
        return null;
    }

    private static <T> JsonSerializer<T> byId(Function<T, String> id) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(id.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> fromId(T[] values, Function<T, String> id) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
                String text = p.getValueAsString();
                String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
                return Arrays.stream(values).filter(v -> id.apply(v).equals(wanted)).findFirst().orElseThrow(() ->
                        new BadInputException("'" + text + "' is not one of "
                                + Arrays.stream(values).map(id).toList()));
            }
        };
    }
}
