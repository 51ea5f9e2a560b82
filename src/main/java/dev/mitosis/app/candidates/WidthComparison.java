package dev.mitosis.app.candidates;

import dev.mitosis.app.workspace.CandidateEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-layer widths of two candidates side by side (pure): one row per splittable layer of either,
 * in A's layer order, then B's extra layers. A width of −1 means the candidate has no such layer.
 */
public final class WidthComparison {

    public record Row(String layer, int a, int b) {
        /** A − B, or 0 when either lacks the layer. */
        public int delta() {
            return a < 0 || b < 0 ? 0 : a - b;
        }
    }

    private WidthComparison() {
    }

    public static List<Row> rows(CandidateEntry a, CandidateEntry b) {
        if (a == null) {
            return List.of();
        }
        Map<String, int[]> widths = new LinkedHashMap<>();
        put(widths, a, 0);
        if (b != null) {
            put(widths, b, 1);
        }
        List<Row> rows = new ArrayList<>();
        widths.forEach((k, w) -> rows.add(new Row(k, w[0], b == null ? -1 : w[1])));
        return rows;
    }

    private static void put(Map<String, int[]> widths, CandidateEntry c, int slot) {
        List<String> keys = c.record().layerKeys();
        for (int i = 0; i < keys.size(); i++) {
            widths.computeIfAbsent(keys.get(i), k -> new int[] {-1, -1})[slot] = c.record().widths().get(i);
        }
    }
}
