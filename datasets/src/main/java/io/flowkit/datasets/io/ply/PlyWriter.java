package io.flowkit.datasets.io.ply;

import io.flowkit.core.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a PLY file with one {@code vertex} element (scalar properties of one type) and an optional
 * {@code face} element of triangles ({@code property list uchar int vertex_indices}), in ASCII or
 * binary little-endian, through {@link AtomicFiles} so that no half-written file is left behind.
 */
public final class PlyWriter {

    private PlyWriter() {}

    /**
     * Writes vertices and triangles.
     *
     * @param file the target
     * @param encoding {@link PlyEncoding#ASCII} or {@link PlyEncoding#BINARY_LITTLE_ENDIAN}
     * @param scalarType the type of every vertex property ({@link PlyType#FLOAT} or {@link PlyType#DOUBLE})
     * @param vertexProperties property name to column, in order; all columns of one length
     * @param triangles vertex-index triples, or null for a file without faces
     * @param comments header comment lines
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void write(Path file, PlyEncoding encoding, PlyType scalarType, Map<String, double[]> vertexProperties,
            int[] triangles, List<String> comments) throws IOException {
        if (encoding == PlyEncoding.BINARY_BIG_ENDIAN) {
            throw new IllegalArgumentException("writing binary big-endian PLY is not supported");
        }
        if (vertexProperties.isEmpty()) {
            throw new IllegalArgumentException("no vertex properties to write");
        }
        double[][] columns = vertexProperties.values().toArray(new double[0][]);
        int n = columns[0].length;
        for (Map.Entry<String, double[]> e : vertexProperties.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("vertex property '" + e.getKey() + "' has " + e.getValue().length
                        + " values, expected " + n);
            }
        }
        String header = header(encoding, scalarType, n, vertexProperties.keySet(), triangles, comments);
        AtomicFiles.write(file, out -> {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            if (encoding == PlyEncoding.ASCII) {
                writeAscii(out, scalarType, columns, n, triangles);
            } else {
                writeBinary(out, scalarType, columns, n, triangles);
            }
        });
    }

    private static String header(PlyEncoding encoding, PlyType type, int n, Iterable<String> names, int[] triangles,
            List<String> comments) {
        StringBuilder h = new StringBuilder("ply\nformat ").append(encoding.headerName()).append(" 1.0\n");
        for (String c : comments) {
            h.append("comment ").append(c.replaceAll("[\\r\\n]+", " ")).append('\n');
        }
        h.append("element vertex ").append(n).append('\n');
        for (String name : names) {
            h.append("property ").append(type.headerName()).append(' ').append(name).append('\n');
        }
        if (triangles != null) {
            h.append("element face ").append(triangles.length / 3).append('\n');
            h.append("property list uchar int vertex_indices\n");
        }
        return h.append("end_header\n").toString();
    }

    private static void writeAscii(OutputStream out, PlyType type, double[][] columns, int n, int[] triangles)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    w.write(' ');
                }
                w.write(type.format(columns[c][i]));
            }
            w.write('\n');
        }
        if (triangles != null) {
            for (int f = 0; f < triangles.length; f += 3) {
                w.write("3 " + triangles[f] + ' ' + triangles[f + 1] + ' ' + triangles[f + 2] + '\n');
            }
        }
        w.flush();
    }

    private static void writeBinary(OutputStream out, PlyType type, double[][] columns, int n, int[] triangles)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        int vertexBytes = columns.length * type.bytes();
        for (int i = 0; i < n; i++) {
            buffer = room(out, buffer, vertexBytes);
            for (double[] column : columns) {
                type.write(buffer, column[i]);
            }
        }
        if (triangles != null) {
            for (int f = 0; f < triangles.length; f += 3) {
                buffer = room(out, buffer, 13);
                buffer.put((byte) 3).putInt(triangles[f]).putInt(triangles[f + 1]).putInt(triangles[f + 2]);
            }
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    private static ByteBuffer room(OutputStream out, ByteBuffer buffer, int needed) throws IOException {
        if (buffer.remaining() < needed) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return buffer;
    }
}
