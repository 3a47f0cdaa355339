package io.flowkit.validation.pointcloud;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.pointcloud.PointCloud;

/**
 * The point-to-surface distance (P2F) of a predicted cloud to the ground-truth mesh, as reported by
 * PU-GAN (Li et al. 2019) and later upsampling papers: for every predicted point, the exact
 * Euclidean distance to the closest point of the mesh surface, then the mean and the standard
 * deviation over all points (PU-GAN's {@code evaluate.py} uses {@code np.nanmean} and
 * {@code np.nanstd}, the population deviation). The points are used as given, not normalised;
 * PU-GAN's meshes and clouds share the unit-sphere frame. Tables report P2F × 10³.
 *
 * <p>PU-GAN computes the distances with CGAL's AABB tree; here a bounding-volume hierarchy over the
 * triangles ({@link Surface}) gives the same exact distances.
 */
public final class PointToSurface {

    private PointToSurface() {}

    /**
     * P2F of a cloud against a mesh given as arrays.
     *
     * @param points predicted points, interleaved xyz
     * @param vertices mesh vertices, interleaved xyz
     * @param faces mesh triangles, vertex index triples
     * @return per-point distances with their mean and standard deviation
     * @throws IllegalArgumentException on an empty or non-finite cloud or a bad mesh
     */
    public static Result of(double[] points, double[] vertices, int[] faces) {
        return of(points, Surface.of(vertices, faces));
    }

    /**
     * P2F of a cloud against a prepared surface (reuse it across clouds of one mesh).
     *
     * @param points predicted points, interleaved xyz
     * @param surface the prepared mesh surface
     * @return per-point distances with their mean and standard deviation
     */
    public static Result of(double[] points, Surface surface) {
        return Result.of(surface.distances(points));
    }

    /**
     * P2F on value types.
     *
     * @param cloud predicted cloud
     * @param mesh ground-truth mesh
     * @return per-point distances with their mean and standard deviation
     */
    public static Result of(PointCloud cloud, TriangleMesh mesh) {
        return of(cloud.positions(), Surface.of(mesh));
    }

    /**
     * Point-to-surface distances and their statistics.
     *
     * @param distances per-point distances, in the units of the input
     * @param mean their mean
     * @param std their population standard deviation
     */
    public record Result(double[] distances, double mean, double std) {

        /** Copies the distances. */
        public Result {
            distances = distances.clone();
        }

        static Result of(double[] d) {
            double sum = 0;
            for (double x : d) {
                sum += x;
            }
            double mean = sum / d.length;
            double var = 0;
            for (double x : d) {
                var += (x - mean) * (x - mean);
            }
            return new Result(d, mean, Math.sqrt(var / d.length));
        }

        /** @return a copy of the per-point distances */
        @Override
        public double[] distances() {
            return distances.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && java.util.Arrays.equals(distances, r.distances);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(distances);
        }

        @Override
        public String toString() {
            return "PointToSurface.Result[" + distances.length + " points, mean=" + mean + ", std=" + std + "]";
        }
    }
}
