package io.flowkit.flow.checkpoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small binary file of named float32 tensors, bit-exact: magic {@code FKTA}, a version, the
 * count, then per tensor its name, rank, dimensions and values (big-endian).
 */
public final class TensorArchive {

    private static final int MAGIC = 0x464B5441; // "FKTA"
    private static final int VERSION = 1;

    private TensorArchive() {}

    /** A named tensor on the host. */
    public record Tensor(long[] shape, float[] values) {

        /**
         * Validates that the values fill the shape.
         *
         * @throws IllegalArgumentException if they do not
         */
        public Tensor {
            long size = 1;
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in shape " + java.util.Arrays.toString(shape));
                }
                size *= d;
            }
            if (size != values.length) {
                throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " needs " + size
                        + " values, got " + values.length);
            }
        }
    }

    /**
     * Writes tensors to a stream.
     *
     * @param out the stream (not closed)
     * @param tensors the tensors in order
     * @throws IOException on a write failure
     */
    public static void write(java.io.OutputStream out, Map<String, Tensor> tensors) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(tensors.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            data.writeUTF(e.getKey());
            long[] shape = e.getValue().shape();
            data.writeInt(shape.length);
            for (long d : shape) {
                data.writeLong(d);
            }
            for (float v : e.getValue().values()) {
                data.writeFloat(v);
            }
        }
        data.flush();
    }

    /**
     * Reads an archive.
     *
     * @param file the file
     * @return the tensors in file order
     * @throws IOException if the file is missing, truncated or not an archive (the message names it)
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("tensor archive not found: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads an archive from a stream (for example a resource in a jar).
     *
     * @param stream the stream (not closed)
     * @param source the name of the source, for messages
     * @return the tensors in stream order
     * @throws IOException if the stream is truncated or not an archive (the message names the source)
     */
    public static Map<String, Tensor> read(InputStream stream, String source) throws IOException {
        String file = source;
        try {
            DataInputStream data = new DataInputStream(new BufferedInputStream(stream));
            if (data.readInt() != MAGIC) {
                throw new IOException(file + " is not a flowkit tensor archive (bad magic number)");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has archive version " + version + ", this flowkit reads " + VERSION);
            }
            int count = data.readInt();
            if (count < 0) {
                throw new IOException(file + " declares a negative tensor count: " + count);
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                int rank = data.readInt();
                if (rank < 0 || rank > 16) {
                    throw new IOException(file + ": tensor '" + name + "' has an impossible rank " + rank);
                }
                long[] shape = new long[rank];
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = data.readLong();
                    size *= shape[d];
                }
                if (size < 0 || size > Integer.MAX_VALUE) {
                    throw new IOException(file + ": tensor '" + name + "' has an impossible size " + size);
                }
                float[] values = new float[(int) size];
                for (int k = 0; k < values.length; k++) {
                    values[k] = data.readFloat();
                }
                out.put(name, new Tensor(shape, values));
            }
            return out;
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }
}
