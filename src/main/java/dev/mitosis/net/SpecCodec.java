package dev.mitosis.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.io.BadInputException;
import dev.mitosis.net.Block.Conv;
import dev.mitosis.net.Block.DepthwiseSeparable;
import dev.mitosis.net.Block.GlobalPool;
import dev.mitosis.net.Block.InvertedResidual;
import dev.mitosis.net.Block.Linear;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * model.json: the wire format of {@link NetworkSpec}. The IR records carry no Jackson annotations; this
 * codec maps them by hand so the format is explicit and every error names the field. The schema is
 * described in docs/formats.md.
 *
 * <pre>
 * {"schemaVersion": 1, "name": "mbv1-seed", "input": {"height": 32, "width": 32, "channels": 3},
 *  "classes": 10,
 *  "blocks": [{"kind": "conv", "out": 8, "kernel": 3, "stride": 1, "activation": "swish", "cap": 32},
 *             {"kind": "dws", "out": 8, "kernel": 3, "stride": 1, "activation": "swish"},
 *             {"kind": "ir", "hidden": 96, "out": 24, "kernel": 3, "stride": 2, "activation": "relu6"},
 *             {"kind": "pool"}, {"kind": "linear"}]}
 * </pre>
 * {@code cap} is omitted when there is none; {@code hidden} is omitted for an inverted residual without
 * expansion conv. Readers accept every schema version up to {@link NetworkSpec#SCHEMA_VERSION}.
 */
public final class SpecCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> KINDS = Set.of("conv", "dws", "ir", "pool", "linear");

    private SpecCodec() {
    }

    public static NetworkSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses model.json text; {@code source} names it in error messages. */
    public static NetworkSpec parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(source + ": expected a JSON object describing a network");
        }
        Reader r = new Reader(source);
        int version = r.integer(root, "schemaVersion");
        if (version > NetworkSpec.SCHEMA_VERSION) {
            throw new BadInputException(source + ": schemaVersion " + version + " is newer than this Mitosis reads ("
                    + NetworkSpec.SCHEMA_VERSION + ")");
        }
        if (version < 1) {
            throw new BadInputException(source + ": schemaVersion must be at least 1, found " + version);
        }
        String name = r.text(root, "name");
        JsonNode input = r.field(root, "input");
        int classes = r.integer(root, "classes");
        JsonNode blocksNode = r.field(root, "blocks");
        if (!blocksNode.isArray()) {
            throw new BadInputException(source + ": blocks: expected an array");
        }
        try {
            FeatureShape shape = new FeatureShape(r.integer(input, "channels", "input.channels"),
                    r.integer(input, "height", "input.height"), r.integer(input, "width", "input.width"));
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < blocksNode.size(); i++) {
                blocks.add(r.block(blocksNode.get(i), "blocks[" + i + "]"));
            }
            return new NetworkSpec(name, shape, classes, blocks);
        } catch (InvalidSpecException e) {
            throw new BadInputException(source + ": " + e.getMessage());
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": " + e.getMessage());
        }
    }

    public static String write(NetworkSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", NetworkSpec.SCHEMA_VERSION);
        root.put("name", spec.name());
        ObjectNode input = root.putObject("input");
        input.put("height", spec.input().height());
        input.put("width", spec.input().width());
        input.put("channels", spec.input().channels());
        root.put("classes", spec.classes());
        ArrayNode blocks = root.putArray("blocks");
        for (Block b : spec.blocks()) {
            ObjectNode n = blocks.addObject();
            n.put("kind", b.kind());
            if (b instanceof Conv c) {
                put(n, c.out(), c.kernel(), c.stride(), c.activation(), c.cap());
            } else if (b instanceof DepthwiseSeparable d) {
                put(n, d.out(), d.kernel(), d.stride(), d.activation(), d.cap());
            } else if (b instanceof InvertedResidual ir) {
                if (ir.expands()) {
                    n.put("hidden", ir.hidden());
                }
                put(n, ir.out(), ir.kernel(), ir.stride(), ir.activation(), ir.cap());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode n, int out, int kernel, int stride, Activation act, int cap) {
        n.put("out", out);
        n.put("kernel", kernel);
        n.put("stride", stride);
        n.put("activation", act.jsonName());
        if (cap != Block.NO_CAP) {
            n.put("cap", cap);
        }
    }

    /** Field access that words every problem as "source: field: what". */
    private record Reader(String source) {

        JsonNode field(JsonNode obj, String name) {
            JsonNode n = obj.get(name);
            if (n == null || n.isNull()) {
                throw new BadInputException(source + ": missing field '" + name + "'");
            }
            return n;
        }

        int integer(JsonNode obj, String name) {
            return integer(obj, name, name);
        }

        int integer(JsonNode obj, String name, String path) {
            JsonNode n = obj.get(name);
            if (n == null || n.isNull()) {
                throw new BadInputException(source + ": missing field '" + path + "'");
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new BadInputException(source + ": " + path + ": expected an integer, found " + n);
            }
            return n.intValue();
        }

        String text(JsonNode obj, String name) {
            JsonNode n = field(obj, name);
            if (!n.isTextual()) {
                throw new BadInputException(source + ": " + name + ": expected a string, found " + n);
            }
            return n.textValue();
        }

        Block block(JsonNode n, String path) {
            if (!n.isObject()) {
                throw new BadInputException(source + ": " + path + ": expected an object");
            }
            JsonNode kindNode = n.get("kind");
            if (kindNode == null || !kindNode.isTextual()) {
                throw new BadInputException(source + ": " + path + ".kind: missing block kind");
            }
            String kind = kindNode.textValue();
            if (!KINDS.contains(kind)) {
                throw new BadInputException(source + ": " + path + ".kind: unknown block kind '" + kind
                        + "' (expected one of conv, dws, ir, pool, linear)");
            }
            Set<String> allowed = switch (kind) {
                case "conv", "dws" -> Set.of("kind", "out", "kernel", "stride", "activation", "cap");
                case "ir" -> Set.of("kind", "hidden", "out", "kernel", "stride", "activation", "cap");
                default -> Set.of("kind");
            };
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw new BadInputException(source + ": " + path + ": unknown field '" + f + "' for a " + kind
                            + " block (allowed: " + allowed.stream().sorted().toList() + ")");
                }
            }
            try {
                return switch (kind) {
                    case "conv" -> new Conv(integer(n, "out", path + ".out"), integer(n, "kernel", path + ".kernel"),
                            integer(n, "stride", path + ".stride"), activation(n, path), cap(n, path));
                    case "dws" -> new DepthwiseSeparable(integer(n, "out", path + ".out"),
                            n.has("kernel") ? integer(n, "kernel", path + ".kernel") : 3,
                            integer(n, "stride", path + ".stride"), activation(n, path), cap(n, path));
                    case "ir" -> new InvertedResidual(n.has("hidden") ? integer(n, "hidden", path + ".hidden") : 0,
                            integer(n, "out", path + ".out"), n.has("kernel") ? integer(n, "kernel", path + ".kernel") : 3,
                            integer(n, "stride", path + ".stride"), activation(n, path), cap(n, path));
                    case "pool" -> new GlobalPool();
                    default -> new Linear();
                };
            } catch (BadInputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source + ": " + path + " (" + kind + "): " + e.getMessage());
            }
        }

        private Activation activation(JsonNode n, String path) {
            JsonNode a = n.get("activation");
            if (a == null || !a.isTextual()) {
                throw new BadInputException(source + ": " + path + ".activation: missing or not a string");
            }
            try {
                return Activation.parse(a.textValue());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source + ": " + path + ".activation: " + e.getMessage());
            }
        }

        private int cap(JsonNode n, String path) {
            return n.has("cap") ? integer(n, "cap", path + ".cap") : Block.NO_CAP;
        }
    }
}
