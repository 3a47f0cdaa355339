package io.flowkit.assembly.fracture;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;

/**
 * Cuts a closed, consistently oriented triangle mesh by a plane into the part below it (against
 * the normal) and the part above, each closed again by a cap: triangles that straddle the plane are
 * split at exact edge intersections shared by both sides, the cut edges are chained into loops, and
 * the loops (outer boundaries and holes) are triangulated in the plane with JTS's constrained
 * Delaunay triangulation. Volume is kept exactly: the two parts' signed volumes add up to the
 * input's. Immutable result; the input is not changed.
 */
public final class PlaneCut {

    private final TriangleMesh below;
    private final TriangleMesh above;

    private PlaneCut(TriangleMesh below, TriangleMesh above) {
        this.below = below;
        this.above = above;
    }

    /** @return the part on the side the normal points away from, or {@code null} if empty */
    public TriangleMesh below() {
        return below;
    }

    /** @return the part on the side the normal points to, or {@code null} if empty */
    public TriangleMesh above() {
        return above;
    }

    /**
     * Cuts a mesh. A plane through a vertex (within {@code 1e-9} of the bounding-box diagonal) is
     * not handled: the caller moves it slightly ({@link #touchesVertex}).
     *
     * @param mesh closed, consistently oriented (outward normals)
     * @param point a point of the plane
     * @param normal the plane's normal (any length but zero)
     * @return the two parts
     * @throws IllegalArgumentException if the plane passes through a vertex or the cross-section
     *     cannot be triangulated (a self-intersecting mesh)
     */
    public static PlaneCut of(TriangleMesh mesh, double[] point, double[] normal) {
        double[] n = unit(normal);
        double[] v = mesh.vertices();
        int count = mesh.vertexCount();
        double[] d = distances(v, count, point, n);
        double eps = 1e-9 * mesh.boundingBoxDiagonal();
        for (int i = 0; i < count; i++) {
            if (Math.abs(d[i]) <= eps) {
                throw new IllegalArgumentException("the cutting plane passes through vertex " + i);
            }
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new double[] {v[3 * i], v[3 * i + 1], v[3 * i + 2]});
        }
        Map<Long, Integer> edgePoint = new HashMap<>();
        List<int[]> lower = new ArrayList<>();
        List<int[]> upper = new ArrayList<>();
        Map<Integer, Integer> capNext = new HashMap<>();
        int[] f = mesh.faces();
        for (int t = 0; t < mesh.faceCount(); t++) {
            int[] c = {f[3 * t], f[3 * t + 1], f[3 * t + 2]};
            boolean[] neg = {d[c[0]] < 0, d[c[1]] < 0, d[c[2]] < 0};
            int negatives = (neg[0] ? 1 : 0) + (neg[1] ? 1 : 0) + (neg[2] ? 1 : 0);
            if (negatives == 3) {
                lower.add(c);
                continue;
            }
            if (negatives == 0) {
                upper.add(c);
                continue;
            }
            // Rotate so that corner 0 is the lone one (alone on its side).
            int lone = 0;
            for (int i = 0; i < 3; i++) {
                if (neg[i] != neg[(i + 1) % 3] && neg[i] != neg[(i + 2) % 3]) {
                    lone = i;
                }
            }
            int a = c[lone];
            int b = c[(lone + 1) % 3];
            int e = c[(lone + 2) % 3];
            int ab = intersection(a, b, d, points, edgePoint, count);
            int ea = intersection(e, a, d, points, edgePoint, count);
            // Along the boundary a → ab → ... → ea → a: the lone side's polygon is (a, ab, ea).
            int[] loneTri = {a, ab, ea};
            int[] quad1 = {ab, b, e};
            int[] quad2 = {ab, e, ea};
            boolean loneBelow = neg[lone];
            (loneBelow ? lower : upper).add(loneTri);
            (loneBelow ? upper : lower).add(quad1);
            (loneBelow ? upper : lower).add(quad2);
            // The lower part's boundary runs ab → ea (lone below) or ea → ab (lone above) along the
            // cut; its cap must run the other way.
            if (loneBelow) {
                capNext.put(ea, ab);
            } else {
                capNext.put(ab, ea);
            }
        }
        if (lower.isEmpty() || upper.isEmpty()) {
            return new PlaneCut(lower.isEmpty() ? null : mesh, upper.isEmpty() ? null : mesh);
        }
        List<int[]> cap = cap(capNext, points, n);
        List<int[]> lowerAll = new ArrayList<>(lower);
        lowerAll.addAll(cap);
        List<int[]> upperAll = new ArrayList<>(upper);
        for (int[] tri : cap) {
            upperAll.add(new int[] {tri[0], tri[2], tri[1]});
        }
        return new PlaneCut(compact(points, lowerAll), compact(points, upperAll));
    }

    /**
     * Whether a plane passes within a tolerance of a vertex (then move it before cutting).
     *
     * @param mesh the mesh
     * @param point a point of the plane
     * @param normal the normal
     * @return true if a vertex lies within {@code 1e-9} of the bounding-box diagonal of the plane
     */
    public static boolean touchesVertex(TriangleMesh mesh, double[] point, double[] normal) {
        double[] d = distances(mesh.vertices(), mesh.vertexCount(), point, unit(normal));
        double eps = 1e-9 * mesh.boundingBoxDiagonal();
        for (double x : d) {
            if (Math.abs(x) <= eps) {
                return true;
            }
        }
        return false;
    }

    private static double[] unit(double[] normal) {
        double len = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        if (!(len > 0) || !Double.isFinite(len)) {
            throw new IllegalArgumentException("plane normal has no direction: length " + len);
        }
        return new double[] {normal[0] / len, normal[1] / len, normal[2] / len};
    }

    private static double[] distances(double[] v, int count, double[] p, double[] n) {
        double[] d = new double[count];
        for (int i = 0; i < count; i++) {
            d[i] = (v[3 * i] - p[0]) * n[0] + (v[3 * i + 1] - p[1]) * n[1] + (v[3 * i + 2] - p[2]) * n[2];
        }
        return d;
    }

    private static int intersection(int i, int j, double[] d, List<double[]> points, Map<Long, Integer> cache, long n) {
        long key = Math.min(i, j) * n + Math.max(i, j);
        Integer known = cache.get(key);
        if (known != null) {
            return known;
        }
        double s = d[i] / (d[i] - d[j]);
        double[] a = points.get(i);
        double[] b = points.get(j);
        points.add(new double[] {a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1]), a[2] + s * (b[2] - a[2])});
        int index = points.size() - 1;
        cache.put(key, index);
        return index;
    }

    /** Triangulates the cut loops in the plane; triangles face along +n (the lower part's outside). */
    private static List<int[]> cap(Map<Integer, Integer> next, List<double[]> points, double[] n) {
        double[] u = Math.abs(n[0]) < 0.9 ? cross(n, new double[] {1, 0, 0}) : cross(n, new double[] {0, 1, 0});
        double len = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        u = new double[] {u[0] / len, u[1] / len, u[2] / len};
        double[] w = cross(n, u);
        // (u, w, n) is right-handed: a loop counter-clockwise in (u, w) faces +n.
        GeometryFactory gf = new GeometryFactory();
        Map<Integer, Boolean> used = new HashMap<>();
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Integer start : next.keySet()) {
            if (used.containsKey(start)) {
                continue;
            }
            List<Coordinate> ring = new ArrayList<>();
            int cur = start;
            do {
                used.put(cur, true);
                double[] p = points.get(cur);
                Coordinate c = new Coordinate(dot(p, u), dot(p, w));
                index.put(key(c), cur);
                ring.add(c);
                Integer nx = next.get(cur);
                if (nx == null) {
                    throw new IllegalArgumentException("the cross-section is not closed at point " + cur
                            + " (the mesh is not watertight)");
                }
                cur = nx;
            } while (cur != start && ring.size() <= next.size());
            if (cur != start) {
                throw new IllegalArgumentException("the cross-section does not form loops (the mesh self-intersects?)");
            }
            ring.add(new Coordinate(ring.get(0)));
            if (ring.size() < 4) {
                continue;
            }
            LinearRing r = gf.createLinearRing(ring.toArray(new Coordinate[0]));
            if (org.locationtech.jts.algorithm.Orientation.isCCW(r.getCoordinates())) {
                shells.add(r);
            } else {
                holes.add(r);
            }
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<Polygon> shellPolygons = new ArrayList<>();
        for (LinearRing s : shells) {
            shellPolygons.add(gf.createPolygon(s));
            holesOf.add(new ArrayList<>());
        }
        for (LinearRing h : holes) {
            int best = -1;
            double bestArea = Double.POSITIVE_INFINITY;
            org.locationtech.jts.geom.Point inside = gf.createPoint(h.getCoordinateN(0));
            for (int s = 0; s < shellPolygons.size(); s++) {
                Polygon p = shellPolygons.get(s);
                if (p.getArea() < bestArea && p.covers(inside)) {
                    best = s;
                    bestArea = p.getArea();
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("a hole of the cross-section lies in no outer boundary (the mesh is "
                        + "not consistently oriented?)");
            }
            holesOf.get(best).add(h);
        }
        List<int[]> triangles = new ArrayList<>();
        for (int s = 0; s < shells.size(); s++) {
            Polygon polygon = gf.createPolygon(shells.get(s), holesOf.get(s).toArray(new LinearRing[0]));
            Geometry tris;
            try {
                tris = ConstrainedDelaunayTriangulator.triangulate(polygon);
            } catch (IllegalStateException e) {
                // JTS gives up on some degenerate cross-sections ("Unable to find a convex corner").
                throw new IllegalArgumentException("the cross-section cannot be triangulated: " + e.getMessage(), e);
            }
            for (int g = 0; g < tris.getNumGeometries(); g++) {
                Coordinate[] c = tris.getGeometryN(g).getCoordinates();
                int[] tri = new int[3];
                for (int k = 0; k < 3; k++) {
                    Integer id = index.get(key(c[k]));
                    if (id == null) {
                        // A point the triangulator added (touching rings): lift it onto the plane.
                        double[] p0 = points.get(index.values().iterator().next());
                        double h0 = dot(p0, n);
                        points.add(new double[] {c[k].x * u[0] + c[k].y * w[0] + h0 * n[0],
                            c[k].x * u[1] + c[k].y * w[1] + h0 * n[1], c[k].x * u[2] + c[k].y * w[2] + h0 * n[2]});
                        id = points.size() - 1;
                        index.put(key(c[k]), id);
                    }
                    tri[k] = id;
                }
                double area = (c[1].x - c[0].x) * (c[2].y - c[0].y) - (c[2].x - c[0].x) * (c[1].y - c[0].y);
                triangles.add(area >= 0 ? tri : new int[] {tri[0], tri[2], tri[1]});
            }
        }
        return triangles;
    }

    private static String key(Coordinate c) {
        return Double.doubleToLongBits(c.x) + ":" + Double.doubleToLongBits(c.y);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static TriangleMesh compact(List<double[]> points, List<int[]> triangles) {
        Map<Integer, Integer> remap = new HashMap<>();
        List<double[]> kept = new ArrayList<>();
        int[] f = new int[3 * triangles.size()];
        int q = 0;
        for (int[] t : triangles) {
            for (int k = 0; k < 3; k++) {
                Integer id = remap.get(t[k]);
                if (id == null) {
                    id = kept.size();
                    remap.put(t[k], id);
                    kept.add(points.get(t[k]));
                }
                f[q++] = id;
            }
        }
        double[] v = new double[3 * kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy(kept.get(i), 0, v, 3 * i, 3);
        }
        return TriangleMesh.of(v, f);
    }

    /**
     * The signed volume enclosed by a closed mesh (divergence theorem; positive for outward normals).
     *
     * @param mesh the mesh
     * @return the volume
     */
    public static double volume(TriangleMesh mesh) {
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        double s = 0;
        for (int t = 0; t < mesh.faceCount(); t++) {
            int a = 3 * f[3 * t];
            int b = 3 * f[3 * t + 1];
            int c = 3 * f[3 * t + 2];
            s += tetrahedron6(v, a, b, c);
        }
        return s / 6;
    }

    /**
     * Six times the signed volume of the tetrahedron of a triangle and the origin: {@code a · (b × c)}.
     *
     * @param v interleaved coordinates
     * @param a offset of the first corner's x in {@code v}
     * @param b offset of the second corner's x
     * @param c offset of the third corner's x
     * @return the scaled signed volume
     */
    static double tetrahedron6(double[] v, int a, int b, int c) {
        return v[a] * (v[b + 1] * v[c + 2] - v[b + 2] * v[c + 1]) - v[a + 1] * (v[b] * v[c + 2] - v[b + 2] * v[c])
                + v[a + 2] * (v[b] * v[c + 1] - v[b + 1] * v[c]);
    }
}
