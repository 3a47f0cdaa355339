package io.flowkit.validation.pointcloud;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.validation.internal.Checks;
import java.util.Arrays;

/**
 * The uniformity measure of PU-GAN's evaluation (Li et al. 2019, "PU-GAN: a Point Cloud Upsampling
 * Adversarial Network", section 3.3 and Table 1), for disks covering a share {@code p} of the
 * surface. Lower is more uniform. What is implemented, step by step:
 *
 * <ol>
 *   <li>Every predicted point is replaced by its foot point, its closest point on the ground-truth
 *       mesh (as PU-GAN's C++ evaluation maps points onto the surface).
 *   <li>For each percentage p the disk radius is {@code r_p = sqrt(A p / π)}, A the mesh area, so a
 *       disk covers about {@code p A}.
 *   <li>{@code S} seed points (default 1,000, PU-GAN's count) are drawn uniformly by area on the
 *       surface with the given random seed.
 *   <li>Disk j holds the foot points within {@code r_p} of seed j (found through a k-d tree).
 *       PU-GAN measures this distance along the surface (exact geodesics with CGAL); here it is the
 *       straight-line distance, a lower bound of the geodesic one that agrees for disks this small
 *       on smooth regions and admits slightly more points across sharp folds.
 *   <li>With N predicted points, {@code n̂ = p N} and {@code U_imbalance = (|D_j| − n̂)² / n̂}.
 *   <li>Disks with fewer than 5 points are skipped (as in PU-GAN's {@code evaluate.py}).
 *   <li>For each point k of a disk, {@code d_k} is the distance to its nearest other point of the
 *       disk; the expected spacing of {@code |D_j|} points on a hexagonal grid filling the disk is
 *       {@code d̂ = sqrt(2 π r_p² / (|D_j| √3))}, and {@code U_clutter = mean_k (d_k − d̂)² / d̂}.
 *   <li>{@code uniformity(p) = mean_j U_imbalance(D_j) · U_clutter(D_j)} over the disks kept.
 * </ol>
 *
 * <p>PU-GAN's seeds use barycentric weights drawn from [0.01, 1] and normalised, which is not
 * uniform inside a triangle; here the seeds are uniform. The paper reports values × 10³ for
 * {@code p} ∈ {0.4%, 0.6%, 0.8%, 1.0%, 1.2%}, the default percentages.
 */
public final class Uniformity {

    /** PU-GAN's disk area shares: 0.4%, 0.6%, 0.8%, 1.0%, 1.2% of the surface. */
    public static final double[] PU_GAN_PERCENTAGES = {0.004, 0.006, 0.008, 0.010, 0.012};

    private static final int MIN_DISK_POINTS = 5;

    private final double[] percentages;
    private final int seeds;
    private final long randomSeed;

    private Uniformity(double[] percentages, int seeds, long randomSeed) {
        this.percentages = percentages;
        this.seeds = seeds;
        this.randomSeed = randomSeed;
    }

    /**
     * The PU-GAN uniformity with the default percentages and 1,000 seeds.
     *
     * @param points predicted points, interleaved xyz
     * @param vertices ground-truth mesh vertices
     * @param faces ground-truth mesh triangles
     * @param randomSeed seed of the disk centres
     * @return one value per percentage
     * @throws IllegalArgumentException on a bad cloud or mesh
     */
    public static Result puGan(double[] points, double[] vertices, int[] faces, long randomSeed) {
        return builder().optRandomSeed(randomSeed).build().compute(points, Surface.of(vertices, faces));
    }

    /**
     * As {@link #puGan(double[], double[], int[], long)} on value types.
     *
     * @param cloud predicted cloud
     * @param mesh ground-truth mesh
     * @param randomSeed seed of the disk centres
     * @return one value per percentage
     */
    public static Result puGan(PointCloud cloud, TriangleMesh mesh, long randomSeed) {
        return builder().optRandomSeed(randomSeed).build().compute(cloud.positions(), Surface.of(mesh));
    }

    /** @return a builder with PU-GAN's settings and random seed 0 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the uniformity of a cloud on a prepared surface.
     *
     * @param points predicted points, interleaved xyz
     * @param surface the ground-truth surface
     * @return one value per percentage, with the number of disks kept
     * @throws IllegalArgumentException on an empty or non-finite cloud
     */
    public Result compute(double[] points, Surface surface) {
        int n = Checks.points3(points, "points");
        double[] foot = surface.closestPoints(points);
        NearestNeighbors index = NearestNeighbors.of(foot);
        double[] centres = surface.sampleUniform(seeds, randomSeed);
        double area = surface.area();
        double[] radius = new double[percentages.length];
        double largest = 0;
        for (int k = 0; k < percentages.length; k++) {
            radius[k] = Math.sqrt(area * percentages[k] / Math.PI);
            largest = Math.max(largest, radius[k]);
        }
        double[] sum = new double[percentages.length];
        int[] kept = new int[percentages.length];
        for (int j = 0; j < seeds; j++) {
            double sx = centres[3 * j];
            double sy = centres[3 * j + 1];
            double sz = centres[3 * j + 2];
            int[] near = index.withinRadius(sx, sy, sz, largest);
            for (int k = 0; k < percentages.length; k++) {
                int[] disk = within(near, foot, sx, sy, sz, radius[k]);
                if (disk.length < MIN_DISK_POINTS) {
                    continue;
                }
                double expected = percentages[k] * n;
                double imbalance = (disk.length - expected) * (disk.length - expected) / expected;
                double spacing = Math.sqrt(2 * Math.PI * radius[k] * radius[k] / (disk.length * Math.sqrt(3)));
                double clutter = 0;
                for (int a : disk) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int b : disk) {
                        if (a != b) {
                            double dx = foot[3 * a] - foot[3 * b];
                            double dy = foot[3 * a + 1] - foot[3 * b + 1];
                            double dz = foot[3 * a + 2] - foot[3 * b + 2];
                            best = Math.min(best, dx * dx + dy * dy + dz * dz);
                        }
                    }
                    double d = Math.sqrt(best);
                    clutter += (d - spacing) * (d - spacing) / spacing;
                }
                clutter /= disk.length;
                sum[k] += imbalance * clutter;
                kept[k]++;
            }
        }
        double[] values = new double[percentages.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = kept[k] > 0 ? sum[k] / kept[k] : Double.NaN;
        }
        return new Result(percentages.clone(), values, kept);
    }

    private static int[] within(int[] candidates, double[] foot, double x, double y, double z, double r) {
        int[] out = new int[candidates.length];
        int m = 0;
        double r2 = r * r;
        for (int i : candidates) {
            double dx = foot[3 * i] - x;
            double dy = foot[3 * i + 1] - y;
            double dz = foot[3 * i + 2] - z;
            if (dx * dx + dy * dy + dz * dz <= r2) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * Uniformity per disk percentage.
     *
     * @param percentages the disk area shares p (0.004 is 0.4%)
     * @param values the uniformity per percentage; NaN where no disk held 5 points
     * @param disksKept how many disks held at least 5 points and entered the mean
     */
    public record Result(double[] percentages, double[] values, int[] disksKept) {

        /** Copies the arrays. */
        public Result {
            percentages = percentages.clone();
            values = values.clone();
            disksKept = disksKept.clone();
        }

        /** @return a copy of the percentages */
        @Override
        public double[] percentages() {
            return percentages.clone();
        }

        /** @return a copy of the values */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** @return a copy of the kept-disk counts */
        @Override
        public int[] disksKept() {
            return disksKept.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(percentages, r.percentages)
                    && Arrays.equals(values, r.values) && Arrays.equals(disksKept, r.disksKept);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(percentages) + Arrays.hashCode(values)) + Arrays.hashCode(disksKept);
        }

        @Override
        public String toString() {
            return "Uniformity.Result[p=" + Arrays.toString(percentages) + ", values=" + Arrays.toString(values)
                    + ", disksKept=" + Arrays.toString(disksKept) + "]";
        }
    }

    /** Configures a {@link Uniformity}; every setting is optional. */
    public static final class Builder {
        private double[] percentages = PU_GAN_PERCENTAGES.clone();
        private int seeds = 1000;
        private long randomSeed;

        private Builder() {}

        /**
         * Disk area shares (default {@link #PU_GAN_PERCENTAGES}).
         *
         * @param values shares in (0, 1)
         * @return this builder
         */
        public Builder optPercentages(double... values) {
            this.percentages = values == null ? null : values.clone();
            return this;
        }

        /**
         * Number of disks (default 1,000 as in PU-GAN).
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder optSeeds(int count) {
            this.seeds = count;
            return this;
        }

        /**
         * Random seed of the disk centres (default 0).
         *
         * @param value the seed
         * @return this builder
         */
        public Builder optRandomSeed(long value) {
            this.randomSeed = value;
            return this;
        }

        /**
         * Validates the settings.
         *
         * @return the configured measure
         * @throws IllegalArgumentException on no percentage, one outside (0, 1) or a count below 1
         */
        public Uniformity build() {
            if (percentages == null || percentages.length == 0) {
                throw new IllegalArgumentException("percentages are empty");
            }
            for (double p : percentages) {
                if (!(p > 0 && p < 1)) {
                    throw new IllegalArgumentException("percentage is not in (0, 1): " + p);
                }
            }
            Checks.atLeast(seeds, 1, "seeds");
            return new Uniformity(percentages.clone(), seeds, randomSeed);
        }
    }
}
