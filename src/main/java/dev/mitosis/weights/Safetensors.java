package dev.mitosis.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.io.BadInputException;
import dev.mitosis.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The safetensors format (huggingface/safetensors; Mitosis's tensor names are in docs/formats.md): an
 * 8-byte little-endian header length N, N bytes of
 * JSON {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}}, then the raw
 * little-endian data. Reading validates everything a damaged or foreign file can get wrong and says
 * which; it never executes or unpickles anything. PyTorch pickles (.pth/.pt, zip or raw pickle) are
 * recognised and refused with a message that says so.
 */
public final class Safetensors {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {
    }

    public static byte[] encode(Weights weights, Map<String, String> metadata) {
        ObjectNode header = MAPPER.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : weights.asMap().entrySet()) {
            Tensor t = e.getValue();
            ObjectNode n = header.putObject(e.getKey());
            n.put("dtype", t.dtype().name());
            var shape = n.putArray("shape");
            for (long s : t.shape()) {
                shape.add(s);
            }
            long bytes = (long) t.size() * t.dtype().bytes();
            n.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded);
        buf.put(json);
        for (int i = json.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (Tensor t : weights.asMap().values()) {
            for (int i = 0; i < t.size(); i++) {
                switch (t.dtype()) {
                    case F32 -> buf.putFloat((float) t.get(i));
                    case F64 -> buf.putDouble(t.get(i));
                    case I64 -> buf.putLong((long) t.get(i));
                }
            }
        }
        return buf.array();
    }

    /** Writes atomically: a temporary file next to {@code file}, then a rename. */
    public static void write(Path file, Weights weights, Map<String, String> metadata) throws IOException {
        AtomicFiles.write(file, encode(weights, metadata));
    }

    public static Weights read(Path file) {
        refusePickle(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return decode(bytes, file.toString());
    }

    /** Decodes a safetensors image; {@code source} names it in errors. */
    public static Weights decode(byte[] bytes, String source) {
        if (bytes.length >= 2 && looksLikePickle(bytes)) {
            throw pickleError(source);
        }
        if (bytes.length < 8) {
            throw new BadInputException(source + ": truncated safetensors file (" + bytes.length
                    + " bytes, no header length)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong();
        if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > bytes.length - 8) {
            throw new BadInputException(source + ": truncated or not a safetensors file (header length "
                    + headerLength + ", file has " + (bytes.length - 8) + " bytes after it)");
        }
        JsonNode header;
        try {
            header = MAPPER.readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": safetensors header is not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
        if (header == null || !header.isObject()) {
            throw new BadInputException(source + ": safetensors header is not a JSON object");
        }
        int dataStart = (int) (8 + headerLength);
        long dataLength = bytes.length - dataStart;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        for (Map.Entry<String, JsonNode> e : entries) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            JsonNode n = e.getValue();
            DType dtype = dtype(n.get("dtype"), source, name);
            long[] shape = shape(n.get("shape"), source, name);
            JsonNode offsets = n.get("data_offsets");
            if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToLong()
                    || !offsets.get(1).canConvertToLong()) {
                throw new BadInputException(source + ": tensor " + name + ": data_offsets must be [begin, end]");
            }
            long begin = offsets.get(0).longValue();
            long end = offsets.get(1).longValue();
            long expected = Tensor.numel(shape) * dtype.bytes();
            if (begin < 0 || end < begin || end - begin != expected) {
                throw new BadInputException(source + ": tensor " + name + ": data_offsets [" + begin + ", " + end
                        + "] do not hold " + expected + " bytes of " + dtype + " " + java.util.Arrays.toString(shape));
            }
            if (end > dataLength) {
                throw new BadInputException(source + ": truncated: tensor " + name + " ends at byte " + end
                        + " of the data section, which has only " + dataLength + " bytes");
            }
            ByteBuffer data = ByteBuffer.wrap(bytes, (int) (dataStart + begin), (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            double[] values = new double[Math.toIntExact(Tensor.numel(shape))];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (dtype) {
                    case F32 -> data.getFloat();
                    case F64 -> data.getDouble();
                    case I64 -> data.getLong();
                };
            }
            tensors.put(name, Tensor.wrap(dtype, shape, values));
        }
        return new Weights(tensors);
    }

    private static DType dtype(JsonNode node, String source, String name) {
        if (node == null || !node.isTextual()) {
            throw new BadInputException(source + ": tensor " + name + ": missing dtype");
        }
        try {
            return DType.valueOf(node.textValue().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": tensor " + name + ": unsupported dtype " + node.textValue()
                    + " (Mitosis reads F32, F64 and I64)");
        }
    }

    private static long[] shape(JsonNode node, String source, String name) {
        if (node == null || !node.isArray()) {
            throw new BadInputException(source + ": tensor " + name + ": missing shape");
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!node.get(i).canConvertToLong() || node.get(i).longValue() < 0) {
                throw new BadInputException(source + ": tensor " + name + ": bad shape " + node);
            }
            shape[i] = node.get(i).longValue();
        }
        return shape;
    }

    /** Refuses PyTorch pickles by name or content before reading the whole file. */
    private static void refusePickle(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pth") || name.endsWith(".pt") || name.endsWith(".pkl") || name.endsWith(".ckpt")
                || name.endsWith(".bin")) {
            throw pickleError(file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length >= 2 && looksLikePickle(head)) {
                throw pickleError(file.toString());
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** A zip (torch.save since 1.6) or a raw pickle (protocol 2-5 opcode 0x80). */
    private static boolean looksLikePickle(byte[] head) {
        boolean zip = head[0] == 'P' && head[1] == 'K';
        boolean pickle = (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5;
        return zip || pickle;
    }

    private static BadInputException pickleError(String source) {
        return new BadInputException(source + ": looks like a PyTorch pickle checkpoint; Mitosis never unpickles,"
                + " it loads weights from safetensors only (convert with safetensors.torch.save_file)");
    }
}
