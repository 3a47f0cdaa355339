package io.flowkit.datasets.io.ply;

import io.flowkit.datasets.internal.TextLines;
import io.flowkit.datasets.io.MalformedInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads any PLY file (ASCII, binary little- or big-endian) into {@link PlyData}: every element and
 * property, list properties included. Non-finite scalar values are rejected, so that a NaN
 * coordinate is reported with its element item rather than downstream.
 *
 * <p>Reference: the PLY format as described by Greg Turk (1994) and the {@code rply} library.
 */
public final class PlyReader {

    private PlyReader() {}

    /**
     * Reads a PLY file.
     *
     * @param file the file
     * @return its content
     * @throws MalformedInputException naming the file, the line or element item, and the problem
     * @throws IOException if the file cannot be read
     */
    public static PlyData read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int[] headerEnd = new int[1];
        List<String> headerLines = headerLines(file, bytes, headerEnd);
        PlyEncoding encoding = null;
        List<String> comments = new ArrayList<>();
        List<PlyData.Element> elements = new ArrayList<>();
        for (int i = 1; i < headerLines.size(); i++) {
            int line = i + 1;
            String[] t = TextLines.tokens(headerLines.get(i).strip());
            if (t.length == 0) {
                continue;
            }
            switch (t[0]) {
                case "format":
                    encoding = t.length == 3 ? PlyEncoding.fromHeaderName(t[1]) : null;
                    if (encoding == null || !t[2].startsWith("1.")) {
                        throw MalformedInputException.atLine(file, line, "unsupported PLY format line: '" + headerLines.get(i) + "'");
                    }
                    break;
                case "end_header":
                    break;
                case "comment":
                case "obj_info":
                    comments.add(headerLines.get(i).strip().substring(t[0].length()).strip());
                    break;
                case "element":
                    elements.add(element(file, line, t));
                    break;
                case "property":
                    if (elements.isEmpty()) {
                        throw MalformedInputException.atLine(file, line, "property declared before any element");
                    }
                    elements.get(elements.size() - 1).addProperty(property(file, line, t));
                    break;
                default:
                    throw MalformedInputException.atLine(file, line, "unknown PLY header keyword: '" + t[0] + "'");
            }
        }
        if (encoding == null) {
            throw MalformedInputException.of(file, "PLY header has no format line");
        }
        if (encoding == PlyEncoding.ASCII) {
            readAscii(file, new String(bytes, headerEnd[0], bytes.length - headerEnd[0], StandardCharsets.US_ASCII),
                    headerLines.size(), elements);
        } else {
            ByteBuffer body = ByteBuffer.wrap(bytes, headerEnd[0], bytes.length - headerEnd[0])
                    .order(encoding == PlyEncoding.BINARY_LITTLE_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            readBinary(file, body, elements);
        }
        return new PlyData(encoding, comments, elements);
    }

    private static List<String> headerLines(Path file, byte[] bytes, int[] headerEnd) throws MalformedInputException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, start, i - start, StandardCharsets.US_ASCII);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                lines.add(line);
                start = i + 1;
                if (lines.size() == 1 && !line.strip().equals("ply")) {
                    throw MalformedInputException.atLine(file, 1, "not a PLY file: the first line is '" + abbreviate(line) + "', not 'ply'");
                }
                if (line.strip().equals("end_header")) {
                    headerEnd[0] = start;
                    return lines;
                }
            }
        }
        if (lines.isEmpty()) {
            throw MalformedInputException.of(file, bytes.length == 0 ? "file is empty" : "not a PLY file: no complete first line");
        }
        throw MalformedInputException.of(file, "PLY header has no end_header line");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static PlyData.Element element(Path file, int line, String[] t) throws MalformedInputException {
        if (t.length != 3) {
            throw MalformedInputException.atLine(file, line, "element line needs a name and a count");
        }
        int count;
        try {
            count = Integer.parseInt(t[2]);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0) {
            throw MalformedInputException.atLine(file, line, "element '" + t[1] + "' count is not a non-negative integer: '" + t[2] + "'");
        }
        return new PlyData.Element(t[1], count);
    }

    private static PlyData.Property property(Path file, int line, String[] t) throws MalformedInputException {
        if (t.length == 5 && t[1].equals("list")) {
            PlyType count = PlyType.fromHeaderName(t[2]);
            PlyType item = PlyType.fromHeaderName(t[3]);
            if (count == null || item == null || !count.isInteger()) {
                throw MalformedInputException.atLine(file, line, "bad list property types: '" + t[2] + " " + t[3] + "'");
            }
            return new PlyData.Property(t[4], item, count);
        }
        if (t.length == 3) {
            PlyType type = PlyType.fromHeaderName(t[1]);
            if (type == null) {
                throw MalformedInputException.atLine(file, line, "unknown property type: '" + t[1] + "'");
            }
            return new PlyData.Property(t[2], type, null);
        }
        throw MalformedInputException.atLine(file, line, "malformed property line");
    }

    private static void allocate(PlyData.Element e) {
        for (PlyData.Property p : e.properties()) {
            e.columns.add(p.isList() ? new int[e.count() + 1] : new double[e.count()]);
        }
    }

    private static double finite(Path file, PlyData.Element e, int item, PlyData.Property p, double v, long line)
            throws MalformedInputException {
        if (!Double.isFinite(v)) {
            String problem = e.name() + " " + item + " has a non-finite value in property '" + p.name() + "': " + v;
            throw line > 0 ? MalformedInputException.atLine(file, line, problem) : MalformedInputException.of(file, problem);
        }
        return v;
    }

    private static void readAscii(Path file, String body, int headerLineCount, List<PlyData.Element> elements)
            throws IOException {
        TextLines lines = TextLines.wrap(file, new StringReader(body), headerLineCount);
        for (PlyData.Element e : elements) {
            allocate(e);
            double[][] lists = new double[e.properties().size()][];
            int[] fill = new int[e.properties().size()];
            for (int item = 0; item < e.count(); item++) {
                String[] t = TextLines.tokens(lines.require(null, e.name() + " " + item + " of " + e.count()));
                int k = 0;
                for (int p = 0; p < e.properties().size(); p++) {
                    PlyData.Property prop = e.properties().get(p);
                    if (k >= t.length) {
                        throw lines.error(e.name() + " " + item + " has too few values (" + t.length + ")");
                    }
                    if (!prop.isList()) {
                        ((double[]) e.columns.get(p))[item] = finite(file, e, item, prop,
                                prop.type().round(parse(lines, t[k++], e, item)), lines.lineNumber());
                        continue;
                    }
                    int n = lines.parseInt(t[k++], e.name() + " " + item + " list length");
                    if (n < 0 || k + n > t.length) {
                        throw lines.error(e.name() + " " + item + " declares " + n + " list values but has " + (t.length - k));
                    }
                    int[] starts = (int[]) e.columns.get(p);
                    lists[p] = grow(lists[p], fill[p] + n);
                    for (int j = 0; j < n; j++) {
                        lists[p][fill[p]++] = parse(lines, t[k++], e, item);
                    }
                    starts[item + 1] = fill[p];
                }
                if (k != t.length) {
                    throw lines.error(e.name() + " " + item + " has " + t.length + " values, expected " + k);
                }
            }
            finishLists(e, lists, fill);
        }
    }

    private static double parse(TextLines lines, String token, PlyData.Element e, int item) throws MalformedInputException {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException ex) {
            throw lines.error(e.name() + " " + item + " has a value that is not a number: '" + token + "'");
        }
    }

    private static void readBinary(Path file, ByteBuffer body, List<PlyData.Element> elements) throws MalformedInputException {
        for (PlyData.Element e : elements) {
            allocate(e);
            double[][] lists = new double[e.properties().size()][];
            int[] fill = new int[e.properties().size()];
            int item = 0;
            try {
                for (; item < e.count(); item++) {
                    for (int p = 0; p < e.properties().size(); p++) {
                        PlyData.Property prop = e.properties().get(p);
                        if (!prop.isList()) {
                            ((double[]) e.columns.get(p))[item] = finite(file, e, item, prop, prop.type().read(body), -1);
                            continue;
                        }
                        long n = (long) prop.countType().read(body);
                        if (n < 0 || n * prop.type().bytes() > body.remaining()) {
                            throw new BufferUnderflowException();
                        }
                        int[] starts = (int[]) e.columns.get(p);
                        lists[p] = grow(lists[p], fill[p] + (int) n);
                        for (int j = 0; j < n; j++) {
                            lists[p][fill[p]++] = prop.type().read(body);
                        }
                        starts[item + 1] = fill[p];
                    }
                }
            } catch (BufferUnderflowException ex) {
                throw MalformedInputException.of(file, "file ends early: binary body cut short in " + e.name() + " "
                        + item + " of " + e.count());
            }
            finishLists(e, lists, fill);
        }
    }

    private static double[] grow(double[] a, int needed) {
        if (a == null) {
            return new double[Math.max(16, needed)];
        }
        return needed <= a.length ? a : java.util.Arrays.copyOf(a, Math.max(needed, 2 * a.length));
    }

    private static void finishLists(PlyData.Element e, double[][] lists, int[] fill) {
        for (int p = 0; p < e.properties().size(); p++) {
            if (e.properties().get(p).isList()) {
                int[] starts = (int[]) e.columns.get(p);
                double[] values = lists[p] == null ? new double[0] : java.util.Arrays.copyOf(lists[p], fill[p]);
                e.columns.set(p, new PlyData.ListColumn(starts, values));
            }
        }
    }
}
