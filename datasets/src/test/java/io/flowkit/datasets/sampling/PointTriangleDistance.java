package io.flowkit.datasets.sampling;

import io.flowkit.datasets.mesh.TriangleMesh;

/** Test reference: exact point-to-triangle distance (Ericson, Real-Time Collision Detection, §5.1.5). */
final class PointTriangleDistance {

    private PointTriangleDistance() {}

    static double toFace(TriangleMesh m, int f, double px, double py, double pz) {
        double[] a = corner(m, m.faceVertex(f, 0));
        double[] b = corner(m, m.faceVertex(f, 1));
        double[] c = corner(m, m.faceVertex(f, 2));
        double[] p = {px, py, pz};
        double[] q = closest(p, a, b, c);
        return Math.sqrt(sq(p[0] - q[0]) + sq(p[1] - q[1]) + sq(p[2] - q[2]));
    }

    static double toMesh(TriangleMesh m, double px, double py, double pz) {
        double best = Double.POSITIVE_INFINITY;
        for (int f = 0; f < m.faceCount(); f++) {
            best = Math.min(best, toFace(m, f, px, py, pz));
        }
        return best;
    }

    private static double[] corner(TriangleMesh m, int v) {
        return new double[] {m.coordinate(v, 0), m.coordinate(v, 1), m.coordinate(v, 2)};
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double[] sub(double[] u, double[] v) {
        return new double[] {u[0] - v[0], u[1] - v[1], u[2] - v[2]};
    }

    private static double[] along(double[] a, double[] d, double t) {
        return new double[] {a[0] + t * d[0], a[1] + t * d[1], a[2] + t * d[2]};
    }

    private static double[] closest(double[] p, double[] a, double[] b, double[] c) {
        double[] ab = sub(b, a);
        double[] ac = sub(c, a);
        double[] ap = sub(p, a);
        double d1 = dot(ab, ap);
        double d2 = dot(ac, ap);
        if (d1 <= 0 && d2 <= 0) {
            return a;
        }
        double[] bp = sub(p, b);
        double d3 = dot(ab, bp);
        double d4 = dot(ac, bp);
        if (d3 >= 0 && d4 <= d3) {
            return b;
        }
        double vc = d1 * d4 - d3 * d2;
        if (vc <= 0 && d1 >= 0 && d3 <= 0) {
            return along(a, ab, d1 / (d1 - d3));
        }
        double[] cp = sub(p, c);
        double d5 = dot(ab, cp);
        double d6 = dot(ac, cp);
        if (d6 >= 0 && d5 <= d6) {
            return c;
        }
        double vb = d5 * d2 - d1 * d6;
        if (vb <= 0 && d2 >= 0 && d6 <= 0) {
            return along(a, ac, d2 / (d2 - d6));
        }
        double va = d3 * d6 - d5 * d4;
        if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
            return along(b, sub(c, b), (d4 - d3) / ((d4 - d3) + (d5 - d6)));
        }
        double denom = 1 / (va + vb + vc);
        double v = vb * denom;
        double w = vc * denom;
        return new double[] {a[0] + ab[0] * v + ac[0] * w, a[1] + ab[1] * v + ac[1] * w, a[2] + ab[2] * v + ac[2] * w};
    }
}
