package io.flowkit.validation.pointcloud;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.validation.internal.Checks;
import io.flowkit.core.mesh.MeshArrays;
import io.flowkit.validation.internal.TriangleBvh;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A triangle-mesh surface prepared for exact closest-point queries: a bounding-volume hierarchy
 * over the triangles and the exact point-to-triangle distance (Ericson 2005, section 5.1.5). Build
 * it once per mesh and query many clouds; queries of whole clouds run in parallel and give the same
 * result as a sequential loop. Degenerate triangles count as their edges.
 */
public final class Surface {

    private static final int PARALLEL_QUERIES = 2048;

    private final double[] vertices;
    private final int[] faces;
    private final TriangleBvh bvh;
    private final double[] cumulativeArea;

    private Surface(double[] vertices, int[] faces) {
        this.vertices = vertices;
        this.faces = faces;
        this.bvh = new TriangleBvh(vertices, faces);
        int n = faces.length / 3;
        this.cumulativeArea = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += MeshArrays.triangleArea(vertices, faces[3 * t], faces[3 * t + 1], faces[3 * t + 2]);
            cumulativeArea[t] = sum;
        }
    }

    /**
     * Prepares a surface.
     *
     * @param vertices interleaved vertex coordinates
     * @param faces vertex index triples, at least one triangle
     * @return the surface
     * @throws IllegalArgumentException on a non-finite vertex, no triangle or an index out of range
     */
    public static Surface of(double[] vertices, int[] faces) {
        int n = Checks.points3(vertices, "vertices");
        MeshArrays.checkFaces(faces, n, "faces");
        return new Surface(vertices.clone(), faces.clone());
    }

    /**
     * Prepares the surface of a mesh value.
     *
     * @param mesh a mesh with at least one triangle
     * @return the surface
     * @throws IllegalArgumentException if the mesh has no triangle
     */
    public static Surface of(TriangleMesh mesh) {
        if (mesh.faceCount() == 0) {
            throw new IllegalArgumentException("mesh has no triangle");
        }
        return of(mesh.vertices(), mesh.faces());
    }

    /** @return the number of triangles */
    public int triangleCount() {
        return faces.length / 3;
    }

    /** @return the total surface area, in squared units of the vertices */
    public double area() {
        return cumulativeArea[cumulativeArea.length - 1];
    }

    /**
     * The distance from one point to the surface.
     *
     * @param x query x
     * @param y query y
     * @param z query z
     * @return the Euclidean distance to the closest point of any triangle
     */
    public double distance(double x, double y, double z) {
        return Math.sqrt(bvh.squaredDistance(x, y, z));
    }

    /**
     * The distance from each point of a cloud to the surface.
     *
     * @param points interleaved xyz
     * @return one distance per point
     * @throws IllegalArgumentException on an empty or non-finite cloud
     */
    public double[] distances(double[] points) {
        int n = Checks.points3(points, "points");
        double[] out = new double[n];
        range(n).forEach(i -> out[i] = distance(points[3 * i], points[3 * i + 1], points[3 * i + 2]));
        return out;
    }

    /**
     * The closest surface point (foot point) of each point of a cloud.
     *
     * @param points interleaved xyz
     * @return interleaved foot points, one per input point
     * @throws IllegalArgumentException on an empty or non-finite cloud
     */
    public double[] closestPoints(double[] points) {
        double[] out = new double[points.length];
        nearestTriangles(points, out);
        return out;
    }

    /**
     * The closest triangle of each point of a cloud, with the foot point.
     *
     * @param points interleaved xyz
     * @param closest receives the interleaved foot points (length of {@code points}), or null
     * @return the index of each point's closest triangle
     * @throws IllegalArgumentException on an empty or non-finite cloud, or a {@code closest} array
     *     of the wrong length
     */
    public int[] nearestTriangles(double[] points, double[] closest) {
        int n = Checks.points3(points, "points");
        if (closest != null && closest.length != points.length) {
            throw new IllegalArgumentException("closest has length " + closest.length + ", expected " + points.length);
        }
        int[] out = new int[n];
        range(n).forEach(i -> {
            double[] q = new double[3];
            out[i] = bvh.nearestTriangle(points[3 * i], points[3 * i + 1], points[3 * i + 2], q);
            if (closest != null) {
                System.arraycopy(q, 0, closest, 3 * i, 3);
            }
        });
        return out;
    }

    /**
     * Points drawn uniformly by area on the surface: a triangle with probability proportional to
     * its area, then a uniform point in it ({@code a + (1 − √r₁)(b − a)...}, Osada et al. 2002,
     * "Shape distributions", Eq. 1).
     *
     * @param count number of points, at least 1
     * @param seed random seed; the same seed gives the same points
     * @return interleaved xyz
     * @throws IllegalArgumentException if count is not positive or the surface has no area
     */
    public double[] sampleUniform(int count, long seed) {
        Checks.atLeast(count, 1, "count");
        if (!(area() > 0)) {
            throw new IllegalArgumentException("surface has zero area: cannot sample on it");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double total = area();
        double[] out = new double[3 * count];
        for (int k = 0; k < count; k++) {
            double u = random.nextDouble() * total;
            int t = java.util.Arrays.binarySearch(cumulativeArea, u);
            t = t >= 0 ? t : Math.min(-t - 1, cumulativeArea.length - 1);
            double r1 = Math.sqrt(random.nextDouble());
            double r2 = random.nextDouble();
            double wa = 1 - r1;
            double wb = r1 * (1 - r2);
            double wc = r1 * r2;
            int a = 3 * faces[3 * t];
            int b = 3 * faces[3 * t + 1];
            int c = 3 * faces[3 * t + 2];
            for (int axis = 0; axis < 3; axis++) {
                out[3 * k + axis] = wa * vertices[a + axis] + wb * vertices[b + axis] + wc * vertices[c + axis];
            }
        }
        return out;
    }

    private static IntStream range(int n) {
        IntStream s = IntStream.range(0, n);
        return n >= PARALLEL_QUERIES ? s.parallel() : s;
    }
}
