package dev.mitosis.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind a chart, as RFC 4180 CSV: a header row and data rows. Doubles are written with
 * full precision in the C locale, so the file reads back exactly.
 */
public record CsvTable(List<String> header, List<List<Object>> rows) {

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static final class Builder {
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            this.header = header;
        }

        public Builder row(Object... values) {
            if (values.length != header.size()) {
                throw new IllegalArgumentException(values.length + " values for " + header.size() + " columns");
            }
            rows.add(java.util.Arrays.asList(values.clone()));
            return this;
        }

        public CsvTable build() {
            return new CsvTable(header, rows);
        }
    }

    public static Builder of(String... header) {
        return new Builder(List.of(header));
    }

    public String toCsv() {
        StringBuilder s = new StringBuilder();
        line(s, new ArrayList<>(header));
        for (List<Object> r : rows) {
            line(s, r);
        }
        return s.toString();
    }

    private static void line(StringBuilder s, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(cell(values.get(i)));
        }
        s.append("\r\n");
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String t;
        if (v instanceof Double d) {
            t = d.isNaN() ? "" : Double.toString(d);
        } else if (v instanceof Float f) {
            t = f.isNaN() ? "" : Float.toString(f);
        } else {
            t = String.valueOf(v);
        }
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }
}
