package io.flowkit.datasets.pointcloud.io;

import io.flowkit.datasets.internal.Validated;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.io.ply.PlyData;
import io.flowkit.datasets.io.ply.PlyEncoding;
import io.flowkit.datasets.io.ply.PlyReader;
import io.flowkit.datasets.io.ply.PlyType;
import io.flowkit.datasets.io.ply.PlyWriter;
import io.flowkit.datasets.pointcloud.PointCloud;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Point clouds in PLY: the {@code vertex} element's {@code x y z}, and {@code nx ny nz} when
 * present; other elements (faces) are ignored on reading.
 */
public final class PlyCloudFormat {

    private PlyCloudFormat() {}

    /**
     * Reads the vertices of a PLY file (any encoding) as a cloud.
     *
     * @param file the file
     * @return the cloud, with normals when the file has all of nx, ny, nz
     * @throws MalformedInputException for a malformed or truncated file, no vertex element, missing
     *     coordinates, an empty cloud or a non-finite value
     * @throws IOException if the file cannot be read
     */
    public static PointCloud read(Path file) throws IOException {
        PlyData ply = PlyReader.read(file);
        PlyData.Element v = ply.element("vertex")
                .orElseThrow(() -> MalformedInputException.of(file, "PLY file has no vertex element"));
        if (v.count() == 0) {
            throw MalformedInputException.of(file, "point cloud is empty: the vertex element has 0 items");
        }
        double[] positions = interleave(file, v, "x", "y", "z");
        double[] normals = v.has("nx") && v.has("ny") && v.has("nz") ? interleave(file, v, "nx", "ny", "nz") : null;
        return Validated.build(file, () -> normals == null ? PointCloud.of(positions) : PointCloud.of(positions, normals));
    }

    /**
     * Interleaves three scalar vertex properties.
     *
     * @param file the file, for messages
     * @param v the vertex element
     * @param a first property
     * @param b second property
     * @param c third property
     * @return {a0, b0, c0, a1, ...}
     * @throws MalformedInputException when a property is missing
     */
    static double[] interleave(Path file, PlyData.Element v, String a, String b, String c) throws MalformedInputException {
        String[] names = {a, b, c};
        double[] out = new double[3 * v.count()];
        for (int k = 0; k < 3; k++) {
            if (!v.has(names[k])) {
                throw MalformedInputException.of(file, "PLY vertex element has no property '" + names[k] + "'");
            }
            double[] col = v.scalar(names[k]);
            for (int i = 0; i < col.length; i++) {
                out[3 * i + k] = col[i];
            }
        }
        return out;
    }

    /**
     * Writes a cloud as binary little-endian PLY with double coordinates.
     *
     * @param file the target, written through a temporary file
     * @param cloud the cloud
     * @throws IOException if writing fails
     */
    public static void write(Path file, PointCloud cloud) throws IOException {
        write(file, cloud, PlyEncoding.BINARY_LITTLE_ENDIAN, PlyType.DOUBLE);
    }

    /**
     * Writes a cloud as PLY.
     *
     * @param file the target, written through a temporary file
     * @param cloud the cloud
     * @param encoding ASCII or binary little-endian
     * @param type {@link PlyType#FLOAT} (smaller, rounds to float) or {@link PlyType#DOUBLE} (exact)
     * @throws IOException if writing fails
     */
    public static void write(Path file, PointCloud cloud, PlyEncoding encoding, PlyType type) throws IOException {
        Map<String, double[]> columns = new LinkedHashMap<>();
        split(cloud.positions(), columns, "x", "y", "z");
        cloud.normals().ifPresent(n -> split(n, columns, "nx", "ny", "nz"));
        PlyWriter.write(file, encoding, type, columns, null, List.of("flowkit point cloud"));
    }

    /**
     * Splits interleaved triples into three named columns.
     *
     * @param xyz interleaved values
     * @param into where the columns go
     * @param a first name
     * @param b second name
     * @param c third name
     */
    static void split(double[] xyz, Map<String, double[]> into, String a, String b, String c) {
        int n = xyz.length / 3;
        double[][] cols = {new double[n], new double[n], new double[n]};
        for (int i = 0; i < xyz.length; i++) {
            cols[i % 3][i / 3] = xyz[i];
        }
        into.put(a, cols[0]);
        into.put(b, cols[1]);
        into.put(c, cols[2]);
    }
}
