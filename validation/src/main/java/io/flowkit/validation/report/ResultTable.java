package io.flowkit.validation.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.flowkit.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable table of results (for example one row per method or per shape, one column per
 * metric) that prints as an aligned text table and as Markdown, and writes and reads JSON.
 *
 * <p>Cells are strings, numbers or empty ({@code null}). Floating-point numbers are printed with a
 * fixed number of decimals per column (default 4), switching to scientific notation for magnitudes
 * below 10⁻³ or from 10⁷; integers print as integers. Non-finite numbers print as {@code NaN} or
 * {@code ∞} in text and are written as {@code null} in JSON. Files are written through
 * {@link AtomicFiles}, so a reader never sees a half-written report.
 *
 * <pre>{@code
 * ResultTable t = ResultTable.builder()
 *         .setColumns("method", "CD (1e-3)", "HD (1e-3)")
 *         .optTitle("PU-GAN x4")
 *         .addRow("PU-GAN", 0.28, 4.6)
 *         .build();
 * System.out.println(t.toText());
 * t.writeJson(Path.of("results.json"));
 * }</pre>
 */
public final class ResultTable {

    private static final int DEFAULT_DECIMALS = 4;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final String title;
    private final List<String> columns;
    private final List<List<Object>> rows;
    private final int[] decimals;
    private final List<String> notes;
    private final Map<String, Object> metadata;

    private ResultTable(Builder b) {
        this.title = b.title;
        this.columns = List.copyOf(b.columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : b.rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        this.rows = Collections.unmodifiableList(copy);
        this.decimals = new int[columns.size()];
        for (int c = 0; c < decimals.length; c++) {
            decimals[c] = b.decimals.getOrDefault(columns.get(c), DEFAULT_DECIMALS);
        }
        this.notes = List.copyOf(b.notes);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this table's title, columns, rows, decimals, notes and metadata, to add to.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.title = title;
        b.columns = new ArrayList<>(columns);
        for (List<Object> row : rows) {
            b.rows.add(new ArrayList<>(row));
        }
        for (int c = 0; c < columns.size(); c++) {
            b.decimals.put(columns.get(c), decimals[c]);
        }
        b.notes.addAll(notes);
        b.metadata.putAll(metadata);
        return b;
    }

    /**
     * This table with the rows of another table of the same columns appended.
     *
     * @param other a table with the same columns
     * @return the combined table (this table's title, notes and metadata)
     * @throws IllegalArgumentException if the columns differ
     */
    public ResultTable withRowsOf(ResultTable other) {
        if (!columns.equals(other.columns)) {
            throw new IllegalArgumentException("columns differ: " + columns + " and " + other.columns);
        }
        Builder b = toBuilder();
        for (List<Object> row : other.rows) {
            b.rows.add(new ArrayList<>(row));
        }
        return b.build();
    }

    /** @return the title, possibly empty */
    public String title() {
        return title;
    }

    /** @return the column names */
    public List<String> columns() {
        return columns;
    }

    /** @return the number of rows */
    public int rowCount() {
        return rows.size();
    }

    /**
     * A cell value.
     *
     * @param row row index
     * @param column column name
     * @return the value (String, Number or null)
     * @throws IllegalArgumentException if the column does not exist
     */
    public Object get(int row, String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column named '" + column + "'; columns are " + columns);
        }
        return rows.get(row).get(c);
    }

    /**
     * A numeric cell value.
     *
     * @param row row index
     * @param column column name
     * @return the value as a double
     * @throws IllegalArgumentException if the column does not exist or the cell is not a number
     */
    public double getDouble(int row, String column) {
        Object v = get(row, column);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("cell (" + row + ", '" + column + "') is not a number: " + v);
        }
        return n.doubleValue();
    }

    /** @return the notes printed under the table */
    public List<String> notes() {
        return notes;
    }

    /** @return the metadata (settings, seed, data set...) written with the JSON */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return the table as aligned plain text, numbers and the headers of numeric columns right-aligned */
    public String toText() {
        String[][] cells = formatted();
        int[] width = widths(cells);
        StringBuilder sb = new StringBuilder();
        if (!title.isEmpty()) {
            sb.append(title).append('\n');
        }
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = numericColumn(c);
        }
        appendTextRow(sb, columns.toArray(new String[0]), width, numeric);
        int total = 0;
        for (int w : width) {
            total += w;
        }
        sb.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
        for (int r = 0; r < cells.length; r++) {
            boolean[] right = new boolean[columns.size()];
            for (int c = 0; c < right.length; c++) {
                right[c] = rows.get(r).get(c) instanceof Number || (numeric[c] && rows.get(r).get(c) == null);
            }
            appendTextRow(sb, cells[r], width, right);
        }
        for (String note : notes) {
            sb.append(note).append('\n');
        }
        return sb.toString();
    }

    /** @return the table as GitHub-flavoured Markdown, numeric columns right-aligned */
    public String toMarkdown() {
        String[][] cells = formatted();
        StringBuilder sb = new StringBuilder();
        if (!title.isEmpty()) {
            sb.append("**").append(escapeMarkdown(title)).append("**\n\n");
        }
        sb.append('|');
        for (String c : columns) {
            sb.append(' ').append(escapeMarkdown(c)).append(" |");
        }
        sb.append("\n|");
        for (int c = 0; c < columns.size(); c++) {
            sb.append(numericColumn(c) ? "---:|" : "---|");
        }
        sb.append('\n');
        for (String[] row : cells) {
            sb.append('|');
            for (String cell : row) {
                sb.append(' ').append(escapeMarkdown(cell)).append(" |");
            }
            sb.append('\n');
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (String note : notes) {
                sb.append(escapeMarkdown(note)).append("\n\n");
            }
        }
        return sb.toString();
    }

    /**
     * The table as JSON: {@code {"title", "columns", "rows": [{column: value}], "notes",
     * "metadata"}}. Numbers keep full precision; non-finite numbers become {@code null}.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("title", title);
        JsonArray cols = new JsonArray();
        columns.forEach(cols::add);
        root.add("columns", cols);
        JsonArray rowArray = new JsonArray();
        for (List<Object> row : rows) {
            JsonObject o = new JsonObject();
            for (int c = 0; c < columns.size(); c++) {
                o.add(columns.get(c), toJsonValue(row.get(c)));
            }
            rowArray.add(o);
        }
        root.add("rows", rowArray);
        JsonArray noteArray = new JsonArray();
        notes.forEach(noteArray::add);
        root.add("notes", noteArray);
        JsonObject meta = new JsonObject();
        metadata.forEach((k, v) -> meta.add(k, toJsonValue(v)));
        root.add("metadata", meta);
        return GSON.toJson(root);
    }

    /**
     * Reads a table written by {@link #toJson()}. Numbers come back as {@code Double} (or
     * {@code Long} when integral and written without a fraction).
     *
     * @param json the JSON text
     * @return the table
     * @throws IllegalArgumentException if the text is not a table in this layout
     */
    public static ResultTable fromJson(String json) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("result table JSON is malformed: " + e.getMessage(), e);
        }
        if (!root.has("columns") || !root.has("rows")) {
            throw new IllegalArgumentException("result table JSON lacks 'columns' or 'rows'");
        }
        Builder b = builder();
        if (root.has("title")) {
            b.optTitle(root.get("title").getAsString());
        }
        List<String> cols = new ArrayList<>();
        root.getAsJsonArray("columns").forEach(e -> cols.add(e.getAsString()));
        b.setColumns(cols.toArray(new String[0]));
        for (JsonElement e : root.getAsJsonArray("rows")) {
            JsonObject o = e.getAsJsonObject();
            Object[] values = new Object[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                values[c] = fromJsonValue(o.get(cols.get(c)));
            }
            b.addRow(values);
        }
        if (root.has("notes")) {
            root.getAsJsonArray("notes").forEach(e -> b.optNote(e.getAsString()));
        }
        if (root.has("metadata")) {
            root.getAsJsonObject("metadata").entrySet().forEach(e -> b.optMetadata(e.getKey(), fromJsonValue(e.getValue())));
        }
        return b.build();
    }

    /**
     * Writes {@link #toText()} to a file, through a temporary file and a move.
     *
     * @param file target file
     * @throws IOException on a failure to write; the target is then unchanged
     */
    public void writeText(Path file) throws IOException {
        AtomicFiles.writeString(file, toText());
    }

    /**
     * Writes {@link #toMarkdown()} to a file, through a temporary file and a move.
     *
     * @param file target file
     * @throws IOException on a failure to write; the target is then unchanged
     */
    public void writeMarkdown(Path file) throws IOException {
        AtomicFiles.writeString(file, toMarkdown());
    }

    /**
     * Writes {@link #toJson()} to a file, through a temporary file and a move.
     *
     * @param file target file
     * @throws IOException on a failure to write; the target is then unchanged
     */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    @Override
    public String toString() {
        return toText();
    }

    private String[][] formatted() {
        String[][] cells = new String[rows.size()][columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                cells[r][c] = format(rows.get(r).get(c), decimals[c]);
            }
        }
        return cells;
    }

    private int[] widths(String[][] cells) {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (String[] row : cells) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        return width;
    }

    private static void appendTextRow(StringBuilder sb, String[] cells, int[] width, boolean[] rightAligned) {
        for (int c = 0; c < cells.length; c++) {
            boolean right = rightAligned[c];
            String cell = cells[c];
            String pad = " ".repeat(width[c] - cell.length());
            sb.append(right ? pad + cell : cell + pad);
            if (c + 1 < cells.length) {
                sb.append("  ");
            }
        }
        // Trailing spaces of a left-aligned last column are noise.
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    private boolean numericColumn(int c) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object v = row.get(c);
            if (v instanceof String) {
                return false;
            }
            any |= v instanceof Number;
        }
        return any;
    }

    static String format(Object value, int decimals) {
        if (value == null) {
            return "";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            if (Double.isNaN(v)) {
                return "NaN";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "∞" : "-∞";
            }
            double a = Math.abs(v);
            if (v == 0 || (a >= 1e-3 && a < 1e7)) {
                return String.format(Locale.ROOT, "%." + decimals + "f", v);
            }
            return String.format(Locale.ROOT, "%." + decimals + "e", v);
        }
        return value.toString();
    }

    private static String escapeMarkdown(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static JsonElement toJsonValue(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof Number n) {
            if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
                return JsonNull.INSTANCE;
            }
            return new JsonPrimitive(n);
        }
        if (v instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (v instanceof double[] arr) {
            JsonArray a = new JsonArray();
            for (double d : arr) {
                a.add(Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE);
            }
            return a;
        }
        return new JsonPrimitive(v.toString());
    }

    private static Object fromJsonValue(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                String text = p.getAsString();
                if (text.matches("-?\\d+")) {
                    return p.getAsLong();
                }
                return p.getAsDouble();
            }
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            return p.getAsString();
        }
        return e.toString();
    }

    /**
     * Builds a {@link ResultTable}: {@code setColumns} is required; rows, title, notes, metadata
     * and per-column decimals are optional.
     */
    public static final class Builder {
        private String title = "";
        private List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final Map<String, Integer> decimals = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, Object> metadata = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The column names (required).
         *
         * @param names distinct, non-blank names
         * @return this builder
         */
        public Builder setColumns(String... names) {
            this.columns = names == null ? null : Arrays.asList(names.clone());
            return this;
        }

        /**
         * The title printed above the table.
         *
         * @param value the title
         * @return this builder
         */
        public Builder optTitle(String value) {
            this.title = value == null ? "" : value;
            return this;
        }

        /**
         * Adds a row; its length must equal the number of columns (checked in {@link #build()}).
         *
         * @param values String, Number, Boolean or null cells
         * @return this builder
         */
        public Builder addRow(Object... values) {
            rows.add(values == null ? null : Arrays.asList(values.clone()));
            return this;
        }

        /**
         * The number of decimals of a column's floating-point values (default 4).
         *
         * @param column the column name
         * @param count decimals, 0 to 15
         * @return this builder
         */
        public Builder optDecimals(String column, int count) {
            decimals.put(column, count);
            return this;
        }

        /**
         * Adds a note printed under the table (units, conventions, sources).
         *
         * @param note the note
         * @return this builder
         */
        public Builder optNote(String note) {
            notes.add(note == null ? "" : note);
            return this;
        }

        /**
         * Adds a metadata entry written with the JSON (seed, data set, settings).
         *
         * @param key the key
         * @param value a String, Number, Boolean, double[] or null
         * @return this builder
         */
        public Builder optMetadata(String key, Object value) {
            metadata.put(key, value);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the table
         * @throws IllegalArgumentException if the columns are missing, blank or repeated, a row has
         *     the wrong length or a cell of an unsupported type, or decimals are out of range or name
         *     an unknown column
         */
        public ResultTable build() {
            if (columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("columns are not set");
            }
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("column " + c + " has a blank name");
                }
                if (columns.indexOf(name) != c) {
                    throw new IllegalArgumentException("column name '" + name + "' is repeated");
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                if (row == null || row.size() != columns.size()) {
                    throw new IllegalArgumentException("row " + r + " has " + (row == null ? 0 : row.size())
                            + " cells, expected " + columns.size() + " (one per column)");
                }
                for (Object v : row) {
                    if (v != null && !(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
                        throw new IllegalArgumentException(
                                "row " + r + " has a cell of unsupported type " + v.getClass().getName());
                    }
                }
            }
            for (Map.Entry<String, Integer> e : decimals.entrySet()) {
                if (!columns.contains(e.getKey())) {
                    throw new IllegalArgumentException("decimals set for unknown column '" + e.getKey() + "'");
                }
                if (e.getValue() < 0 || e.getValue() > 15) {
                    throw new IllegalArgumentException("decimals of '" + e.getKey() + "' out of range 0..15: " + e.getValue());
                }
            }
            return new ResultTable(this);
        }
    }
}
