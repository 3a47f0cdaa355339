package io.flowkit.meshes.geometry;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.validation.pointcloud.Surface;

/**
 * Carries per-vertex values from one mesh to points on (or near) its surface by closest point:
 * each target point takes the barycentric interpolation of the values at the corners of its
 * closest triangle. Between two triangulations of one surface this moves a signal (skinning
 * weights, generated positions) from one to the other; it is exact for signals that are linear on
 * the source triangles. Immutable.
 */
public final class SurfaceTransfer {

    private final int sourceVertices;
    private final int[] corners;
    private final double[] weights;

    private SurfaceTransfer(int sourceVertices, int[] corners, double[] weights) {
        this.sourceVertices = sourceVertices;
        this.corners = corners;
        this.weights = weights;
    }

    /**
     * Finds each target point's closest triangle of the source and its barycentric coordinates.
     *
     * @param source the mesh that carries the values
     * @param targets interleaved xyz of the points that receive them (for example another mesh's
     *     vertices)
     * @return the transfer
     * @throws IllegalArgumentException on an empty or non-finite target cloud
     */
    public static SurfaceTransfer of(TriangleMesh source, double[] targets) {
        Surface surface = Surface.of(source);
        double[] foot = new double[targets.length];
        int[] triangles = surface.nearestTriangles(targets, foot);
        double[] v = source.vertices();
        int[] f = source.faces();
        int n = triangles.length;
        int[] corners = new int[3 * n];
        double[] weights = new double[3 * n];
        for (int i = 0; i < n; i++) {
            int t = triangles[i];
            int a = f[3 * t];
            int b = f[3 * t + 1];
            int c = f[3 * t + 2];
            double[] w = barycentric(v, a, b, c, foot[3 * i], foot[3 * i + 1], foot[3 * i + 2]);
            corners[3 * i] = a;
            corners[3 * i + 1] = b;
            corners[3 * i + 2] = c;
            System.arraycopy(w, 0, weights, 3 * i, 3);
        }
        return new SurfaceTransfer(source.vertexCount(), corners, weights);
    }

    /** Barycentric coordinates of a point in the plane of triangle abc (Ericson 2005, §3.4). */
    private static double[] barycentric(double[] v, int a, int b, int c, double px, double py, double pz) {
        double[] e0 = {v[3 * b] - v[3 * a], v[3 * b + 1] - v[3 * a + 1], v[3 * b + 2] - v[3 * a + 2]};
        double[] e1 = {v[3 * c] - v[3 * a], v[3 * c + 1] - v[3 * a + 1], v[3 * c + 2] - v[3 * a + 2]};
        double[] e2 = {px - v[3 * a], py - v[3 * a + 1], pz - v[3 * a + 2]};
        double d00 = dot(e0, e0);
        double d01 = dot(e0, e1);
        double d11 = dot(e1, e1);
        double d20 = dot(e2, e0);
        double d21 = dot(e2, e1);
        double den = d00 * d11 - d01 * d01;
        double wb = (d11 * d20 - d01 * d21) / den;
        double wc = (d00 * d21 - d01 * d20) / den;
        wb = Math.max(0, Math.min(1, wb));
        wc = Math.max(0, Math.min(1 - wb, wc));
        return new double[] {1 - wb - wc, wb, wc};
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    /** @return the number of target points */
    public int targetCount() {
        return corners.length / 3;
    }

    /**
     * Transfers values.
     *
     * @param values per source vertex, {@code channels} each, vertex-major
     * @param channels the channels per vertex, at least 1
     * @return per target point, vertex-major
     * @throws IllegalArgumentException if the length is not source vertices · channels
     */
    public double[] apply(double[] values, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels is below 1: " + channels);
        }
        if (values.length != (long) sourceVertices * channels) {
            throw new IllegalArgumentException("values hold " + values.length + " entries, expected " + sourceVertices
                    + " vertices x " + channels);
        }
        int n = targetCount();
        double[] out = new double[n * channels];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                int s = corners[3 * i + k];
                double w = weights[3 * i + k];
                for (int c = 0; c < channels; c++) {
                    out[i * channels + c] += w * values[s * channels + c];
                }
            }
        }
        return out;
    }
}
