package io.flowkit.meshes.operators;

import io.flowkit.datasets.mesh.TriangleMesh;

/**
 * The gradient operator G of piecewise-linear signals on a triangle mesh: on face f with corners
 * {@code p0, p1, p2}, unit normal n and area A, the hat function of corner i has the constant
 * gradient {@code ∇φ_i = n × e_i / (2A)}, with {@code e_i} the edge opposite corner i traversed
 * counter-clockwise (Botsch et al., "Polygon Mesh Processing", 2010, §3.2). For a signal u the
 * gradient on f is {@code Σ_i u(p_i) ∇φ_i}.
 *
 * <p>The weak divergence {@code Gᵀ A} (A the diagonal of face areas) maps a face vector field h to
 * vertices: {@code (Gᵀ A h)_v = Σ_{f ∋ v} A_f ∇φ_v^f · h_f}; {@code Gᵀ A G} is the cotangent
 * Laplacian. Layouts: a vertex signal with c channels stores channel k of vertex v at
 * {@code [v·c + k]}; a face field stores component d (x, y, z) of channel k on face f at
 * {@code [(f·c + k)·3 + d]}. A face without interior (twice its area below 10⁻¹² of its squared
 * edges: collinear corners, a repeated vertex) has a zero gradient, normal and area, so it adds
 * nothing to the divergence. Immutable.
 */
public final class FaceGradients {

    /** Faces whose doubled area is below this fraction of their squared edge lengths have no interior. */
    private static final double DEGENERATE = 1e-12;

    private final int vertices;
    private final int[] faces;
    private final double[] basis;
    private final double[] areas;
    private final double[] normals;
    private final double area;

    private FaceGradients(int vertices, int[] faces, double[] basis, double[] areas, double[] normals) {
        this.vertices = vertices;
        this.faces = faces;
        this.basis = basis;
        this.areas = areas;
        this.normals = normals;
        double a = 0;
        for (double x : areas) {
            a += x;
        }
        this.area = a;
    }

    /**
     * The operator of a mesh.
     *
     * @param mesh the mesh
     * @return the operator
     */
    public static FaceGradients of(TriangleMesh mesh) {
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        int m = mesh.faceCount();
        double[] basis = new double[9 * m];
        double[] areas = new double[m];
        double[] normals = new double[3 * m];
        for (int t = 0; t < m; t++) {
            int[] c = {f[3 * t], f[3 * t + 1], f[3 * t + 2]};
            double[] e1 = sub(v, c[1], c[0]);
            double[] e2 = sub(v, c[2], c[0]);
            double[] n = cross(e1, e2);
            double twice = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            double scale = e1[0] * e1[0] + e1[1] * e1[1] + e1[2] * e1[2] + e2[0] * e2[0] + e2[1] * e2[1] + e2[2] * e2[2];
            if (!(twice > DEGENERATE * scale)) {
                // No interior: no gradient, no normal, no weight in the divergence.
                continue;
            }
            for (int d = 0; d < 3; d++) {
                n[d] /= twice;
                normals[3 * t + d] = n[d];
            }
            areas[t] = twice / 2;
            for (int i = 0; i < 3; i++) {
                double[] e = sub(v, c[(i + 2) % 3], c[(i + 1) % 3]);
                double[] g = cross(n, e);
                for (int d = 0; d < 3; d++) {
                    basis[9 * t + 3 * i + d] = g[d] / twice;
                }
            }
        }
        return new FaceGradients(mesh.vertexCount(), f, basis, areas, normals);
    }

    private static double[] sub(double[] v, int a, int b) {
        return new double[] {v[3 * a] - v[3 * b], v[3 * a + 1] - v[3 * b + 1], v[3 * a + 2] - v[3 * b + 2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** @return the number of vertices */
    public int vertexCount() {
        return vertices;
    }

    /** @return the number of faces */
    public int faceCount() {
        return areas.length;
    }

    /** @return the face index triples (a copy) */
    public int[] faces() {
        return faces.clone();
    }

    /**
     * The hat-function gradients: {@code ∇φ} of corner i of face f, component d, at
     * {@code [9f + 3i + d]}.
     *
     * @return a copy
     */
    public double[] basis() {
        return basis.clone();
    }

    /** @return the face areas (a copy) */
    public double[] areas() {
        return areas.clone();
    }

    /** @return the unit face normals, interleaved (a copy) */
    public double[] normals() {
        return normals.clone();
    }

    /** @return the total area */
    public double area() {
        return area;
    }

    /**
     * Applies G.
     *
     * @param signal a vertex signal
     * @param channels its channels, at least 1
     * @return the face field
     * @throws IllegalArgumentException if the length is not vertices · channels
     */
    public double[] gradient(double[] signal, int channels) {
        check(signal.length, vertices, channels, "signal");
        int m = areas.length;
        double[] out = new double[m * channels * 3];
        for (int t = 0; t < m; t++) {
            for (int i = 0; i < 3; i++) {
                int v = faces[3 * t + i];
                for (int k = 0; k < channels; k++) {
                    double u = signal[v * channels + k];
                    int o = (t * channels + k) * 3;
                    for (int d = 0; d < 3; d++) {
                        out[o + d] += u * basis[9 * t + 3 * i + d];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Applies the weak divergence {@code Gᵀ A}.
     *
     * @param field a face field
     * @param channels its channels, at least 1
     * @return the vertex signal {@code Gᵀ A h}
     * @throws IllegalArgumentException if the length is not faces · channels · 3
     */
    public double[] divergence(double[] field, int channels) {
        int m = areas.length;
        check(field.length, 3 * m, channels, "face field");
        double[] out = new double[vertices * channels];
        for (int t = 0; t < m; t++) {
            for (int i = 0; i < 3; i++) {
                int v = faces[3 * t + i];
                for (int k = 0; k < channels; k++) {
                    int o = (t * channels + k) * 3;
                    double s = 0;
                    for (int d = 0; d < 3; d++) {
                        s += basis[9 * t + 3 * i + d] * field[o + d];
                    }
                    out[v * channels + k] += areas[t] * s;
                }
            }
        }
        return out;
    }

    private static void check(int length, int rows, int channels, String what) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels is below 1: " + channels);
        }
        if (length != (long) rows * channels) {
            throw new IllegalArgumentException(what + " has " + length + " values, expected " + rows + " x " + channels);
        }
    }
}
