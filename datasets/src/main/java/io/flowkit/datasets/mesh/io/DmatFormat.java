package io.flowkit.datasets.mesh.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.internal.TextLines;
import io.flowkit.datasets.io.MalformedInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libigl's dense-matrix format ({@code .dmat}), as written by {@code igl::writeDMAT}.
 * <ul>
 *   <li>ASCII: the line {@code cols rows}, then the {@code rows * cols} values in column-major
 *       order, separated by whitespace (libigl writes one per line).</li>
 *   <li>Binary: the line {@code 0 0}, then the line {@code cols rows}, then the values as
 *       little-endian 64-bit doubles in column-major order.</li>
 * </ul>
 * Non-finite values are accepted (a matrix is not a geometry); readers of geometry check them.
 */
public final class DmatFormat {

    private DmatFormat() {}

    /**
     * Reads an ASCII or binary dmat file (the encoding is detected from the header).
     *
     * @param file the file
     * @return the matrix
     * @throws MalformedInputException for a malformed header, a value that is not a number, or a
     *     body shorter than {@code rows * cols} values
     * @throws IOException if the file cannot be read
     */
    public static DmatMatrix read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int eol = indexOf(bytes, 0);
        if (eol < 0) {
            throw MalformedInputException.atLine(file, 1, bytes.length == 0 ? "file is empty" : "dmat header line is not terminated");
        }
        int[] first = dims(file, 1, new String(bytes, 0, eol, StandardCharsets.US_ASCII));
        if (first[0] == 0 && first[1] == 0) {
            int eol2 = indexOf(bytes, eol + 1);
            if (eol2 < 0) {
                throw MalformedInputException.atLine(file, 2, "binary dmat has no 'cols rows' line after '0 0'");
            }
            int[] d = dims(file, 2, new String(bytes, eol + 1, eol2 - eol - 1, StandardCharsets.US_ASCII));
            long expected = (long) d[0] * d[1];
            long available = (bytes.length - eol2 - 1) / 8;
            if (available < expected) {
                throw MalformedInputException.of(file, "file ends early: binary dmat declares " + d[1] + " x " + d[0]
                        + " = " + expected + " doubles but holds " + available);
            }
            double[] values = new double[(int) expected];
            ByteBuffer.wrap(bytes, eol2 + 1, (int) (8 * expected)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
            return DmatMatrix.ofColumnMajor(d[1], d[0], values);
        }
        long n = (long) first[0] * first[1];
        double[] values = new double[(int) n];
        int filled = 0;
        String body = new String(bytes, eol + 1, bytes.length - eol - 1, StandardCharsets.US_ASCII);
        try (TextLines lines = TextLines.wrap(file, new StringReader(body), 1)) {
            String line;
            while (filled < n && (line = lines.nextContent(null)) != null) {
                for (String t : TextLines.tokens(line)) {
                    if (filled == n) {
                        throw lines.error("more values than the declared " + first[1] + " x " + first[0]);
                    }
                    try {
                        values[filled++] = Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        throw lines.error("value " + (filled - 1) + " is not a number: '" + t + "'");
                    }
                }
            }
        }
        if (filled < n) {
            throw MalformedInputException.of(file, "file ends early: dmat declares " + first[1] + " x " + first[0]
                    + " = " + n + " values but holds " + filled);
        }
        return DmatMatrix.ofColumnMajor(first[1], first[0], values);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int[] dims(Path file, int line, String text) throws MalformedInputException {
        String[] t = TextLines.tokens(text.strip());
        try {
            if (t.length == 2) {
                int cols = Integer.parseInt(t[0]);
                int rows = Integer.parseInt(t[1]);
                if (cols >= 0 && rows >= 0) {
                    return new int[] {cols, rows};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw MalformedInputException.atLine(file, line, "dmat header is not 'cols rows': '"
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
    }

    /**
     * Writes a binary dmat file.
     *
     * @param file the target, written through a temporary file
     * @param matrix the matrix
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void writeBinary(Path file, DmatMatrix matrix) throws IOException {
        double[] values = matrix.columnMajor();
        AtomicFiles.write(file, out -> {
            out.write(("0 0\n" + matrix.cols() + " " + matrix.rows() + "\n").getBytes(StandardCharsets.US_ASCII));
            ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(values);
            out.write(b.array());
        });
    }

    /**
     * Writes an ASCII dmat file, one value per line in full precision.
     *
     * @param file the target, written through a temporary file
     * @param matrix the matrix
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void writeAscii(Path file, DmatMatrix matrix) throws IOException {
        StringBuilder sb = new StringBuilder().append(matrix.cols()).append(' ').append(matrix.rows()).append('\n');
        for (double v : matrix.columnMajor()) {
            sb.append(v).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
