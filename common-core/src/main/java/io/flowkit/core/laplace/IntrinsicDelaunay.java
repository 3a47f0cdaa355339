package io.flowkit.core.laplace;

/**
 * Intrinsic mollification and intrinsic Delaunay edge flips on a {@link TuftedCover} (Sharp and
 * Crane 2020, "A Laplacian for Nonmanifold Triangle Meshes", §4.5 and §4.3; the flip algorithm of
 * Bobenko and Springborn 2007, "A discrete Laplace–Beltrami operator for simplicial surfaces").
 *
 * <p>Mollification adds one length ε to every edge, the least that makes every triangle satisfy
 * the triangle inequality with a margin δ (δ = the mollify factor × the mean edge length): a
 * triangle of zero area, a sliver or a repeated position then has well-defined angles, and a mesh
 * whose triangles all have the margin already is left exactly as it is (ε = 0). Flips then replace
 * every edge whose opposite angles sum to more than π by the other diagonal of its two triangles,
 * laid out in the plane, until every edge is Delaunay; cotangent weights are then non-negative.
 */
final class IntrinsicDelaunay {

    /** An edge is flipped when the sum of its two opposite cotangents is below −this. */
    private static final double DELAUNAY_TOLERANCE = 1e-10;

    private IntrinsicDelaunay() {}

    /**
     * Adds the least ε to every length so that each triangle has the margin δ.
     *
     * @param cover the cover, lengths changed in place
     * @param mollifyFactor δ as a fraction of the mean edge length, non-negative
     * @return ε, the length added (0 when every triangle already had the margin)
     */
    static double mollify(TuftedCover cover, double mollifyFactor) {
        double[] l = cover.length;
        double sum = 0;
        for (double x : l) {
            sum += x;
        }
        double delta = mollifyFactor * sum / l.length;
        double eps = 0;
        for (int s = 0; s < cover.sides(); s += 2) {
            double a = l[3 * s];
            double b = l[3 * s + 1];
            double c = l[3 * s + 2];
            eps = Math.max(eps, Math.max(delta - (a + b - c), Math.max(delta - (b + c - a), delta - (c + a - b))));
        }
        if (eps > 0) {
            for (int h = 0; h < l.length; h++) {
                l[h] += eps;
            }
        }
        return eps;
    }

    /**
     * Flips edges until every edge is intrinsic Delaunay (or a cap of flips is reached).
     *
     * @param cover the cover, changed in place
     * @return the number of flips made
     */
    static int flipToDelaunay(TuftedCover cover) {
        int halfedges = cover.tail.length;
        int[] stack = new int[halfedges];
        boolean[] queued = new boolean[halfedges];
        int top = 0;
        for (int h = 0; h < halfedges; h++) {
            if (h < cover.twin[h]) {
                stack[top++] = h;
                queued[h] = true;
            }
        }
        int flips = 0;
        long cap = 50L * halfedges;
        while (top > 0 && flips < cap) {
            int h = stack[--top];
            queued[h] = false;
            int t = cover.twin[h];
            if (h / 3 == t / 3 || cotangent(cover, h) + cotangent(cover, t) >= -DELAUNAY_TOLERANCE) {
                continue;
            }
            flip(cover, h);
            flips++;
            // The four outer edges of the new pair of triangles may have lost the property.
            int[] outer = {TuftedCover.next(h), TuftedCover.previous(h), TuftedCover.next(t), TuftedCover.previous(t)};
            for (int o : outer) {
                int e = Math.min(o, cover.twin[o]);
                if (!queued[e]) {
                    queued[e] = true;
                    stack[top++] = e;
                }
            }
        }
        return flips;
    }

    /**
     * The cotangent of the angle opposite halfedge h in its triangle, from the three lengths.
     *
     * @param cover the cover
     * @param h a halfedge
     * @return {@code (b² + c² − a²) / (4 · area)}
     */
    static double cotangent(TuftedCover cover, int h) {
        double a = cover.length[h];
        double b = cover.length[TuftedCover.next(h)];
        double c = cover.length[TuftedCover.previous(h)];
        return (b * b + c * c - a * a) / (4 * area(a, b, c));
    }

    /**
     * The area of a triangle from its side lengths, by Kahan's stable form of Heron's formula.
     *
     * @param a a side
     * @param b a side
     * @param c a side
     * @return the area, 0 when the lengths violate the triangle inequality
     */
    static double area(double a, double b, double c) {
        // Sort so that x >= y >= z.
        double x = Math.max(a, Math.max(b, c));
        double z = Math.min(a, Math.min(b, c));
        double y = a + b + c - x - z;
        double q = (x + (y + z)) * (z - (x - y)) * (z + (x - y)) * (x + (y - z));
        return q > 0 ? 0.25 * Math.sqrt(q) : 0;
    }

    /**
     * Replaces the edge of h by the other diagonal of its two triangles. With h = a→b in triangle
     * (a, b, c) and its twin b→a in (b, a, d), the triangles become (d, c, a) and (c, d, b); h and
     * its twin become d→c and c→d, and the outer halfedges move to the slots that keep each
     * triangle's cyclic order.
     */
    private static void flip(TuftedCover m, int h) {
        int t = m.twin[h];
        int h1 = TuftedCover.next(h);
        int h2 = TuftedCover.next(h1);
        int t1 = TuftedCover.next(t);
        int t2 = TuftedCover.next(t1);
        int a = m.tail[h];
        int b = m.tail[h1];
        int c = m.tail[h2];
        int d = m.tail[t2];
        double lab = m.length[h];
        double lbc = m.length[h1];
        double lca = m.length[h2];
        double lad = m.length[t1];
        double ldb = m.length[t2];
        // Lay out a = (0, 0), b = (lab, 0), c above the axis and d below it.
        double cx = (lab * lab + lca * lca - lbc * lbc) / (2 * lab);
        double cy = Math.sqrt(Math.max(0, lca * lca - cx * cx));
        double dx = (lab * lab + lad * lad - ldb * ldb) / (2 * lab);
        double dy = -Math.sqrt(Math.max(0, lad * lad - dx * dx));
        double lcd = Math.hypot(cx - dx, cy - dy);
        // Old outer halfedges and the slots they move to.
        int[] from = {h2, t1, t2, h1};
        int[] to = {h1, h2, t1, t2};
        int[] outerTwin = new int[4];
        for (int k = 0; k < 4; k++) {
            outerTwin[k] = m.twin[from[k]];
        }
        m.tail[h] = d;
        m.tail[h1] = c;
        m.tail[h2] = a;
        m.tail[t] = c;
        m.tail[t1] = d;
        m.tail[t2] = b;
        m.length[h] = lcd;
        m.length[t] = lcd;
        m.length[h1] = lca;
        m.length[h2] = lad;
        m.length[t1] = ldb;
        m.length[t2] = lbc;
        for (int k = 0; k < 4; k++) {
            int partner = outerTwin[k];
            for (int j = 0; j < 4; j++) {
                if (partner == from[j]) {
                    partner = to[j];
                    break;
                }
            }
            m.twin[to[k]] = partner;
            m.twin[partner] = to[k];
        }
        m.twin[h] = t;
        m.twin[t] = h;
    }
}
