package io.flowkit.core.laplace;

/**
 * The tufted cover of a triangle soup as an intrinsic triangulation (Sharp and Crane 2020, "A
 * Laplacian for Nonmanifold Triangle Meshes", §4.2): every triangle becomes two sides (as given and
 * reversed), and around every edge the triangles are sorted by their dihedral angle and the two
 * sides that face each other across each wedge are glued. The result is an edge-manifold
 * triangulation with no boundary whatever the input (non-manifold edges, boundaries, inconsistent
 * orientation); it covers the surface twice.
 *
 * <p>Side {@code s} has the halfedges {@code 3s, 3s + 1, 3s + 2} in cyclic order; halfedge {@code h}
 * starts at vertex {@code tail[h]}, has length {@code length[h]} and is glued to {@code twin[h]}.
 * Sides {@code 2f} and {@code 2f + 1} are triangle f as given and reversed. The arrays are mutable
 * because {@link IntrinsicDelaunay} flips edges in place.
 */
final class TuftedCover {

    final int[] tail;
    final int[] twin;
    final double[] length;

    private TuftedCover(int[] tail, int[] twin, double[] length) {
        this.tail = tail;
        this.twin = twin;
        this.length = length;
    }

    /** @return the number of sides (twice the number of triangles) */
    int sides() {
        return tail.length / 3;
    }

    /** The halfedge after h in its side. */
    static int next(int h) {
        return h % 3 == 2 ? h - 2 : h + 1;
    }

    /** The halfedge before h in its side. */
    static int previous(int h) {
        return h % 3 == 0 ? h + 2 : h - 1;
    }

    /**
     * Builds the cover of the triangles whose three corners are distinct vertices.
     *
     * @param vertices interleaved coordinates (checked by the caller)
     * @param faces three indices per triangle, in range, no repeated index (checked by the caller)
     * @return the cover, with Euclidean edge lengths
     */
    static TuftedCover of(double[] vertices, int[] faces) {
        int t = faces.length / 3;
        int n = vertices.length / 3;
        int[] tail = new int[6 * t];
        int[] twin = new int[6 * t];
        double[] length = new double[6 * t];
        for (int f = 0; f < t; f++) {
            for (int k = 0; k < 3; k++) {
                int a = faces[3 * f + k];
                int b = faces[3 * f + (k + 1) % 3];
                double l = distance(vertices, a, b);
                int front = front(f, k);
                int back = back(f, k);
                tail[front] = a;
                tail[back] = b;
                length[front] = l;
                length[back] = l;
            }
        }
        // Group the 3t edges of the triangles by their unordered vertex pair: bucket by the lower
        // vertex (counting sort), then sort each short bucket by the higher one.
        int[] start = new int[n + 1];
        for (int e = 0; e < 3 * t; e++) {
            start[lower(faces, e) + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] order = new int[3 * t];
        int[] fill = java.util.Arrays.copyOf(start, n);
        for (int e = 0; e < 3 * t; e++) {
            order[fill[lower(faces, e)]++] = e;
        }
        int[] group = new int[8];
        double[] angle = new double[8];
        for (int v = 0; v < n; v++) {
            sortByHigher(faces, order, start[v], start[v + 1]);
            int p = start[v];
            while (p < start[v + 1]) {
                int hi = higher(faces, order[p]);
                int q = p + 1;
                while (q < start[v + 1] && higher(faces, order[q]) == hi) {
                    q++;
                }
                int m = q - p;
                if (group.length < m) {
                    group = new int[2 * m];
                    angle = new double[2 * m];
                }
                System.arraycopy(order, p, group, 0, m);
                if (m > 2) {
                    sortAroundEdge(vertices, faces, v, hi, group, angle, m);
                }
                // The side whose halfedge runs lower -> higher faces the wedge of increasing angle;
                // glue it to the other-facing side of the next triangle around the edge.
                for (int i = 0; i < m; i++) {
                    int plus = plusSide(faces, group[i], v);
                    int minus = minusSide(faces, group[(i + 1) % m], v);
                    twin[plus] = minus;
                    twin[minus] = plus;
                }
                p = q;
            }
        }
        return new TuftedCover(tail, twin, length);
    }

    /** Halfedge k of triangle f on its given side. */
    private static int front(int f, int k) {
        return 3 * (2 * f) + k;
    }

    /** The reversed edge k of triangle f on its reversed side (corners 0, 2, 1). */
    private static int back(int f, int k) {
        return 3 * (2 * f + 1) + (2 - k);
    }

    private static int lower(int[] faces, int e) {
        int f = e / 3;
        int k = e % 3;
        return Math.min(faces[3 * f + k], faces[3 * f + (k + 1) % 3]);
    }

    private static int higher(int[] faces, int e) {
        int f = e / 3;
        int k = e % 3;
        return Math.max(faces[3 * f + k], faces[3 * f + (k + 1) % 3]);
    }

    /** The halfedge of triangle edge e that runs from the lower vertex to the higher one. */
    private static int plusSide(int[] faces, int e, int lo) {
        int f = e / 3;
        int k = e % 3;
        return faces[3 * f + k] == lo ? front(f, k) : back(f, k);
    }

    /** The halfedge of triangle edge e that runs from the higher vertex to the lower one. */
    private static int minusSide(int[] faces, int e, int lo) {
        int f = e / 3;
        int k = e % 3;
        return faces[3 * f + k] == lo ? back(f, k) : front(f, k);
    }

    private static void sortByHigher(int[] faces, int[] order, int from, int to) {
        for (int p = from + 1; p < to; p++) {
            int e = order[p];
            int key = higher(faces, e);
            int q = p - 1;
            while (q >= from && (higher(faces, order[q]) > key || higher(faces, order[q]) == key && order[q] > e)) {
                order[q + 1] = order[q];
                q--;
            }
            order[q + 1] = e;
        }
    }

    /**
     * Sorts the triangles around the edge (lo, hi) by the angle of their third corner about the
     * edge's axis (a degenerate triangle has angle 0; any order glues validly).
     */
    private static void sortAroundEdge(double[] v, int[] faces, int lo, int hi, int[] group, double[] angle, int m) {
        double ex = v[3 * hi] - v[3 * lo];
        double ey = v[3 * hi + 1] - v[3 * lo + 1];
        double ez = v[3 * hi + 2] - v[3 * lo + 2];
        // u: a unit vector perpendicular to e; w = e x u.
        double ux;
        double uy;
        double uz;
        if (Math.abs(ex) <= Math.abs(ey) && Math.abs(ex) <= Math.abs(ez)) {
            ux = 0;
            uy = ez;
            uz = -ey;
        } else if (Math.abs(ey) <= Math.abs(ez)) {
            ux = -ez;
            uy = 0;
            uz = ex;
        } else {
            ux = ey;
            uy = -ex;
            uz = 0;
        }
        double wx = ey * uz - ez * uy;
        double wy = ez * ux - ex * uz;
        double wz = ex * uy - ey * ux;
        for (int i = 0; i < m; i++) {
            int f = group[i] / 3;
            int k = group[i] % 3;
            int third = faces[3 * f + (k + 2) % 3];
            double dx = v[3 * third] - v[3 * lo];
            double dy = v[3 * third + 1] - v[3 * lo + 1];
            double dz = v[3 * third + 2] - v[3 * lo + 2];
            angle[i] = Math.atan2(dx * wx + dy * wy + dz * wz, dx * ux + dy * uy + dz * uz);
        }
        for (int p = 1; p < m; p++) {
            int e = group[p];
            double a = angle[p];
            int q = p - 1;
            while (q >= 0 && angle[q] > a) {
                group[q + 1] = group[q];
                angle[q + 1] = angle[q];
                q--;
            }
            group[q + 1] = e;
            angle[q + 1] = a;
        }
    }

    private static double distance(double[] v, int a, int b) {
        double dx = v[3 * a] - v[3 * b];
        double dy = v[3 * a + 1] - v[3 * b + 1];
        double dz = v[3 * a + 2] - v[3 * b + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
