package io.flowkit.validation.internal;

/**
 * The exact closest point of a triangle to a point, by Voronoi-region classification (Ericson 2005,
 * "Real-Time Collision Detection", section 5.1.5). Degenerate triangles (collinear or coincident
 * corners) are handled as the union of their three edges.
 */
public final class PointTriangle {

    private PointTriangle() {}

    /**
     * Writes the closest point of triangle {@code (a, b, c)} to {@code p} into {@code out} and
     * returns the squared distance.
     *
     * @param v interleaved vertex coordinates
     * @param a index of corner a
     * @param b index of corner b
     * @param c index of corner c
     * @param px query x
     * @param py query y
     * @param pz query z
     * @param out receives the closest point (length at least 3), or null
     * @return the squared distance from p to the triangle
     */
    public static double closest(double[] v, int a, int b, int c, double px, double py, double pz, double[] out) {
        double ax = v[3 * a], ay = v[3 * a + 1], az = v[3 * a + 2];
        double bx = v[3 * b], by = v[3 * b + 1], bz = v[3 * b + 2];
        double cx = v[3 * c], cy = v[3 * c + 1], cz = v[3 * c + 2];
        double abx = bx - ax, aby = by - ay, abz = bz - az;
        double acx = cx - ax, acy = cy - ay, acz = cz - az;
        double nx = aby * acz - abz * acy;
        double ny = abz * acx - abx * acz;
        double nz = abx * acy - aby * acx;
        double n2 = nx * nx + ny * ny + nz * nz;
        double ab2 = abx * abx + aby * aby + abz * abz;
        double ac2 = acx * acx + acy * acy + acz * acz;
        if (!(n2 > 1e-24 * ab2 * ac2)) {
            return degenerate(ax, ay, az, bx, by, bz, cx, cy, cz, px, py, pz, out);
        }
        double apx = px - ax, apy = py - ay, apz = pz - az;
        double d1 = abx * apx + aby * apy + abz * apz;
        double d2 = acx * apx + acy * apy + acz * apz;
        if (d1 <= 0 && d2 <= 0) {
            return point(ax, ay, az, px, py, pz, out);
        }
        double bpx = px - bx, bpy = py - by, bpz = pz - bz;
        double d3 = abx * bpx + aby * bpy + abz * bpz;
        double d4 = acx * bpx + acy * bpy + acz * bpz;
        if (d3 >= 0 && d4 <= d3) {
            return point(bx, by, bz, px, py, pz, out);
        }
        double vc = d1 * d4 - d3 * d2;
        if (vc <= 0 && d1 >= 0 && d3 <= 0) {
            double t = d1 / (d1 - d3);
            return point(ax + t * abx, ay + t * aby, az + t * abz, px, py, pz, out);
        }
        double cpx = px - cx, cpy = py - cy, cpz = pz - cz;
        double d5 = abx * cpx + aby * cpy + abz * cpz;
        double d6 = acx * cpx + acy * cpy + acz * cpz;
        if (d6 >= 0 && d5 <= d6) {
            return point(cx, cy, cz, px, py, pz, out);
        }
        double vb = d5 * d2 - d1 * d6;
        if (vb <= 0 && d2 >= 0 && d6 <= 0) {
            double t = d2 / (d2 - d6);
            return point(ax + t * acx, ay + t * acy, az + t * acz, px, py, pz, out);
        }
        double va = d3 * d6 - d5 * d4;
        if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
            double t = (d4 - d3) / ((d4 - d3) + (d5 - d6));
            return point(bx + t * (cx - bx), by + t * (cy - by), bz + t * (cz - bz), px, py, pz, out);
        }
        double denom = 1 / (va + vb + vc);
        double s = vb * denom;
        double t = vc * denom;
        return point(ax + abx * s + acx * t, ay + aby * s + acy * t, az + abz * s + acz * t, px, py, pz, out);
    }

    private static double degenerate(double ax, double ay, double az, double bx, double by, double bz,
            double cx, double cy, double cz, double px, double py, double pz, double[] out) {
        double[] best = new double[3];
        double[] tmp = new double[3];
        double d = segment(ax, ay, az, bx, by, bz, px, py, pz, best);
        double e = segment(bx, by, bz, cx, cy, cz, px, py, pz, tmp);
        if (e < d) {
            d = e;
            System.arraycopy(tmp, 0, best, 0, 3);
        }
        e = segment(cx, cy, cz, ax, ay, az, px, py, pz, tmp);
        if (e < d) {
            d = e;
            System.arraycopy(tmp, 0, best, 0, 3);
        }
        if (out != null) {
            System.arraycopy(best, 0, out, 0, 3);
        }
        return d;
    }

    private static double segment(double ax, double ay, double az, double bx, double by, double bz,
            double px, double py, double pz, double[] out) {
        double dx = bx - ax, dy = by - ay, dz = bz - az;
        double len2 = dx * dx + dy * dy + dz * dz;
        double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy + (pz - az) * dz) / len2 : 0;
        t = Math.max(0, Math.min(1, t));
        return point(ax + t * dx, ay + t * dy, az + t * dz, px, py, pz, out);
    }

    private static double point(double qx, double qy, double qz, double px, double py, double pz, double[] out) {
        if (out != null) {
            out[0] = qx;
            out[1] = qy;
            out[2] = qz;
        }
        double dx = px - qx, dy = py - qy, dz = pz - qz;
        return dx * dx + dy * dy + dz * dz;
    }
}
