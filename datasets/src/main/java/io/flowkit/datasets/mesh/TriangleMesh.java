package io.flowkit.datasets.mesh;

import io.flowkit.datasets.internal.Checks;
import io.flowkit.datasets.pointcloud.PointCloud;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable indexed triangle mesh: vertex positions (interleaved {@code x0, y0, z0, x1, ...}, in
 * the units of the source), triangles as vertex-index triples (from 0, in the orientation given),
 * and optional named per-vertex signals (one double per vertex, for example a scalar field or a
 * texture coordinate).
 *
 * <p>The constructor checks that every coordinate is finite, every face index is in range and every
 * signal has one value per vertex. Degenerate triangles (a repeated index, zero area) are kept: real
 * meshes have them, and dropping them would break correspondences. Accessors either copy
 * ({@link #vertices()}, {@link #faces()}) or give read-only views ({@link #vertexView()},
 * {@link #faceView()}).
 */
public final class TriangleMesh {

    private final double[] vertices;
    private final int[] faces;
    private final Map<String, double[]> signals;

    private TriangleMesh(double[] vertices, int[] faces, Map<String, double[]> signals, boolean trusted) {
        if (!trusted) {
            Checks.checkXyz(vertices, "vertex", "vertices");
            if (vertices.length == 0) {
                throw new IllegalArgumentException("mesh has no vertices");
            }
            checkFaces(faces, vertices.length / 3);
        }
        this.vertices = trusted ? vertices : vertices.clone();
        this.faces = trusted ? faces : faces.clone();
        this.signals = signals;
    }

    private static void checkFaces(int[] faces, int vertexCount) {
        Objects.requireNonNull(faces, "faces");
        if (faces.length % 3 != 0) {
            throw new IllegalArgumentException("faces length is not a multiple of 3: " + faces.length);
        }
        for (int i = 0; i < faces.length; i++) {
            int v = faces[i];
            if (v < 0 || v >= vertexCount) {
                throw new IllegalArgumentException("face " + i / 3 + " refers to vertex " + v + " but the mesh has "
                        + vertexCount + " vertices");
            }
        }
    }

    /**
     * A mesh without signals.
     *
     * @param vertices interleaved xyz, at least one vertex (copied)
     * @param faces vertex-index triples from 0 (copied); may be empty
     * @return the mesh
     * @throws IllegalArgumentException naming the first non-finite vertex or out-of-range face index
     */
    public static TriangleMesh of(double[] vertices, int[] faces) {
        return new TriangleMesh(vertices, faces, Map.of(), false);
    }

    /**
     * The same mesh with one more per-vertex signal (replacing one of the same name).
     *
     * @param name signal name, for example "u" or "curvature"
     * @param values one finite value per vertex (copied)
     * @return the new mesh
     * @throws IllegalArgumentException when the length differs from the vertex count or a value is not finite
     */
    public TriangleMesh withSignal(String name, double[] values) {
        Objects.requireNonNull(name, "name");
        if (values.length != vertexCount()) {
            throw new IllegalArgumentException("signal '" + name + "' has " + values.length + " values but the mesh has "
                    + vertexCount() + " vertices");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("signal '" + name + "' at vertex " + i + " is not finite: " + values[i]);
            }
        }
        Map<String, double[]> s = new LinkedHashMap<>(signals);
        s.put(name, values.clone());
        return new TriangleMesh(vertices, faces, Collections.unmodifiableMap(s), true);
    }

    /**
     * The same connectivity and signals at new vertex positions (a pose, a deformation).
     *
     * @param newVertices interleaved xyz, same vertex count (copied)
     * @return the new mesh
     * @throws IllegalArgumentException on a different count or a non-finite coordinate
     */
    public TriangleMesh withVertices(double[] newVertices) {
        Checks.checkXyz(newVertices, "vertex", "vertices");
        if (newVertices.length != vertices.length) {
            throw new IllegalArgumentException("new vertices hold " + newVertices.length / 3 + " vertices but the mesh has "
                    + vertexCount());
        }
        return new TriangleMesh(newVertices.clone(), faces, signals, true);
    }

    /** @return the number of vertices (at least 1) */
    public int vertexCount() {
        return vertices.length / 3;
    }

    /** @return the number of triangles */
    public int faceCount() {
        return faces.length / 3;
    }

    /** @return a copy of the vertex positions, interleaved xyz */
    public double[] vertices() {
        return vertices.clone();
    }

    /** @return a read-only view of the interleaved vertex positions, without copying */
    public DoubleBuffer vertexView() {
        return DoubleBuffer.wrap(vertices).asReadOnlyBuffer();
    }

    /** @return a copy of the faces, vertex-index triples */
    public int[] faces() {
        return faces.clone();
    }

    /** @return a read-only view of the faces, without copying */
    public IntBuffer faceView() {
        return IntBuffer.wrap(faces).asReadOnlyBuffer();
    }

    /**
     * @param vertex index from 0
     * @param axis 0, 1 or 2 for x, y, z
     * @return the coordinate
     */
    public double coordinate(int vertex, int axis) {
        return vertices[3 * vertex + axis];
    }

    /**
     * @param face triangle index from 0
     * @param corner 0, 1 or 2
     * @return the vertex index at that corner
     */
    public int faceVertex(int face, int corner) {
        return faces[3 * face + Objects.checkIndex(corner, 3)];
    }

    /** @return the names of the per-vertex signals, in insertion order */
    public Set<String> signalNames() {
        return signals.keySet();
    }

    /**
     * @param name signal name
     * @return a copy of its values, one per vertex
     * @throws IllegalArgumentException when there is no such signal
     */
    public double[] signal(String name) {
        double[] s = signals.get(name);
        if (s == null) {
            throw new IllegalArgumentException("mesh has no signal '" + name + "'; it has " + signals.keySet());
        }
        return s.clone();
    }

    /**
     * The area of one triangle, half the norm of the cross product of two edges.
     *
     * @param face triangle index
     * @return its area in squared units of the vertices
     */
    public double faceArea(int face) {
        double[] c = cross(face);
        return 0.5 * Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
    }

    /**
     * The unit normal of one triangle, oriented by its vertex order (right-hand rule).
     *
     * @param face triangle index
     * @return the unit normal, or the zero vector for a degenerate triangle
     */
    public double[] faceNormal(int face) {
        double[] c = cross(face);
        double len = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        if (len > 0) {
            c[0] /= len;
            c[1] /= len;
            c[2] /= len;
        }
        return c;
    }

    /** (b − a) × (c − a) for the triangle's corners a, b, c. */
    private double[] cross(int face) {
        int a = 3 * faces[3 * face];
        int b = 3 * faces[3 * face + 1];
        int c = 3 * faces[3 * face + 2];
        double ux = vertices[b] - vertices[a];
        double uy = vertices[b + 1] - vertices[a + 1];
        double uz = vertices[b + 2] - vertices[a + 2];
        double vx = vertices[c] - vertices[a];
        double vy = vertices[c + 1] - vertices[a + 1];
        double vz = vertices[c + 2] - vertices[a + 2];
        return new double[] {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
    }

    /** @return the total surface area, the sum of the triangle areas */
    public double surfaceArea() {
        double sum = 0;
        for (int f = 0; f < faceCount(); f++) {
            sum += faceArea(f);
        }
        return sum;
    }

    /** @return the axis-aligned bounding box as {minX, minY, minZ, maxX, maxY, maxZ} */
    public double[] boundingBox() {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < vertices.length; i++) {
            box[i % 3] = Math.min(box[i % 3], vertices[i]);
            box[3 + i % 3] = Math.max(box[3 + i % 3], vertices[i]);
        }
        return box;
    }

    /** @return the length of the bounding-box diagonal */
    public double boundingBoxDiagonal() {
        double[] b = boundingBox();
        return Math.sqrt((b[3] - b[0]) * (b[3] - b[0]) + (b[4] - b[1]) * (b[4] - b[1]) + (b[5] - b[2]) * (b[5] - b[2]));
    }

    /** @return the vertices as a point cloud */
    public PointCloud vertexCloud() {
        return PointCloud.of(vertices);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TriangleMesh)) {
            return false;
        }
        TriangleMesh m = (TriangleMesh) o;
        if (!Arrays.equals(vertices, m.vertices) || !Arrays.equals(faces, m.faces)
                || !signals.keySet().equals(m.signals.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : signals.entrySet()) {
            if (!Arrays.equals(e.getValue(), m.signals.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(vertices) + Arrays.hashCode(faces);
    }

    @Override
    public String toString() {
        return "TriangleMesh[" + vertexCount() + " vertices, " + faceCount() + " faces"
                + (signals.isEmpty() ? "" : ", signals " + signals.keySet()) + "]";
    }
}
