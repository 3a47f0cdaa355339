package io.flowkit.datasets.sampling;

import io.flowkit.datasets.internal.Checks;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.spatial.NearestNeighbors;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Poisson-disk sampling of a mesh surface to an exact number of points by weighted sample
 * elimination (Yuksel 2015, "Sample Elimination for Generating Poisson Disk Sample Sets",
 * Computer Graphics Forum 34(2)), the kind of blue-noise sampling with which PU-GAN (Li et al.
 * 2019) makes its 2,048-point inputs and 8,192/32,768-point ground truth from test meshes.
 *
 * <p>First {@code oversampling × N} candidates are drawn uniformly by area
 * ({@link UniformSurfaceSampler}). With {@code r_max = √(A / (2√3 N))} (the disk radius of the
 * densest packing of N points on area A), each pair closer than {@code 2 r_max} has weight
 * {@code w_ij = (1 − d̂_ij / (2 r_max))^α}, with {@code d̂_ij = max(d_ij, r_min)} and
 * {@code r_min = r_max β (1 − (N/M)^γ)} (weight limiting, §3.3). The candidate with the largest
 * total weight is removed and its neighbours' weights updated, until N remain. Defaults are the
 * paper's: α = 8, β = 0.65, γ = 1.5; oversampling 5. Distances are Euclidean in 3D.
 */
public final class PoissonDiskSampler {

    private final int oversampling;
    private final double alpha;
    private final double beta;
    private final double gamma;

    private PoissonDiskSampler(Builder b) {
        this.oversampling = b.oversampling;
        this.alpha = b.alpha;
        this.beta = b.beta;
        this.gamma = b.gamma;
    }

    /**
     * Samples with the default settings.
     *
     * @param mesh a mesh with positive area
     * @param count number of points, at least 1
     * @param seed random seed of the candidate sample
     * @return exactly {@code count} points with face normals, and their triangles
     */
    public static MeshSample sample(TriangleMesh mesh, int count, long seed) {
        return builder().build().sampleMesh(mesh, count, seed);
    }

    /** @return a builder; every setting is optional */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Samples a mesh with this sampler's settings.
     *
     * @param mesh a mesh with positive area
     * @param count number of points, at least 1
     * @param seed random seed of the candidate sample
     * @return exactly {@code count} points with face normals, and their triangles
     */
    public MeshSample sampleMesh(TriangleMesh mesh, int count, long seed) {
        Checks.checkPositive(count, "count");
        MeshSample candidates = UniformSurfaceSampler.sample(mesh, Math.multiplyExact(count, oversampling), seed);
        int[] keep = eliminate(candidates.points().positions(), count, mesh.surfaceArea());
        return candidates.subset(keep);
    }

    /**
     * Selects a Poisson-disk subset of given candidates by sample elimination.
     *
     * @param candidates interleaved xyz of the candidates (at least {@code count})
     * @param count number to keep, at least 1
     * @param surfaceArea the area of the surface the candidates cover, which sets {@code r_max}
     * @return the indices of the kept candidates, in increasing order
     * @throws IllegalArgumentException when there are fewer candidates than {@code count} or the area is not positive
     */
    public int[] eliminate(double[] candidates, int count, double surfaceArea) {
        Checks.checkPositive(count, "count");
        int m = candidates.length / 3;
        if (m < count) {
            throw new IllegalArgumentException("fewer candidates than points to keep: " + m + " < " + count);
        }
        if (!(surfaceArea > 0) || Double.isInfinite(surfaceArea)) {
            throw new IllegalArgumentException("surface area is not positive: " + surfaceArea);
        }
        double rMax = Math.sqrt(surfaceArea / (2 * Math.sqrt(3) * count));
        double rMin = rMax * beta * (1 - Math.pow((double) count / m, gamma));
        double reach = 2 * rMax;
        NearestNeighbors index = NearestNeighbors.of(candidates);
        int[][] neighbours = new int[m][];
        double[][] weights = new double[m][];
        IntStream.range(0, m).parallel().forEach(i -> {
            int[] found = index.withinRadius(candidates[3 * i], candidates[3 * i + 1], candidates[3 * i + 2], reach);
            int[] nb = new int[found.length];
            double[] w = new double[found.length];
            int k = 0;
            for (int j : found) {
                if (j == i) {
                    continue;
                }
                double dx = candidates[3 * i] - candidates[3 * j];
                double dy = candidates[3 * i + 1] - candidates[3 * j + 1];
                double dz = candidates[3 * i + 2] - candidates[3 * j + 2];
                double d = Math.max(Math.sqrt(dx * dx + dy * dy + dz * dz), rMin);
                nb[k] = j;
                w[k++] = Math.pow(1 - d / reach, alpha);
            }
            neighbours[i] = Arrays.copyOf(nb, k);
            weights[i] = Arrays.copyOf(w, k);
        });
        double[] total = new double[m];
        for (int i = 0; i < m; i++) {
            for (double w : weights[i]) {
                total[i] += w;
            }
        }
        IndexedMaxHeap heap = new IndexedMaxHeap(total);
        while (heap.size() > count) {
            int removed = heap.removeMax();
            int[] nb = neighbours[removed];
            for (int k = 0; k < nb.length; k++) {
                int j = nb[k];
                if (heap.contains(j)) {
                    total[j] -= weights[removed][k];
                    heap.decrease(j, total[j]);
                }
            }
        }
        return IntStream.range(0, m).filter(heap::contains).toArray();
    }

    /** Builds a {@link PoissonDiskSampler}; every setting is optional. */
    public static final class Builder {
        private int oversampling = 5;
        private double alpha = 8;
        private double beta = 0.65;
        private double gamma = 1.5;

        private Builder() {}

        /**
         * @param oversampling candidates per output point, at least 2 (default 5)
         * @return this builder
         */
        public Builder optOversampling(int oversampling) {
            this.oversampling = oversampling;
            return this;
        }

        /**
         * @param alpha weight exponent α, positive (default 8)
         * @return this builder
         */
        public Builder optAlpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * @param beta weight-limiting scale β in [0, 1) (default 0.65; 0 disables weight limiting)
         * @return this builder
         */
        public Builder optBeta(double beta) {
            this.beta = beta;
            return this;
        }

        /**
         * @param gamma weight-limiting exponent γ, positive (default 1.5)
         * @return this builder
         */
        public Builder optGamma(double gamma) {
            this.gamma = gamma;
            return this;
        }

        /**
         * @return the sampler
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public PoissonDiskSampler build() {
            if (oversampling < 2) {
                throw new IllegalArgumentException("oversampling is less than 2: " + oversampling);
            }
            if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha is not positive: " + alpha);
            }
            if (!(beta >= 0 && beta < 1)) {
                throw new IllegalArgumentException("beta is not in [0, 1): " + beta);
            }
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("gamma is not positive: " + gamma);
            }
            return new PoissonDiskSampler(this);
        }
    }
}
