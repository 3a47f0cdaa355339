package io.flowkit.datasets.bench;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.sampling.PoissonDiskSampler;
import io.flowkit.datasets.sampling.UniformSurfaceSampler;
import io.flowkit.datasets.spatial.NearestNeighbors;

/**
 * Benchmark (a main class, not a test): nearest-neighbour queries through the k-d tree against
 * brute force on PU-GAN-sized clouds (8,192 queries into 32,768 points), and Poisson-disk sampling
 * of a PU-GAN mesh at 2,048, 8,192 and 32,768 points. Prints one line per figure.
 * Run it on the test classpath with {@code FLOWKIT_DATA} set, for example
 * {@code java -cp target/classes:target/test-classes:<dependencies> io.flowkit.datasets.bench.SpatialBench}.
 */
public final class SpatialBench {

    private SpatialBench() {}

    /**
     * @param args unused
     * @throws Exception if the data set cannot be read
     */
    public static void main(String[] args) throws Exception {
        TriangleMesh cow = MeshFolder.puganMeshes().read("cow");
        double[] data = UniformSurfaceSampler.sample(cow, 32768, 1).points().positions();
        double[] queries = UniformSurfaceSampler.sample(cow, 8192, 2).points().positions();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            NearestNeighbors nn = NearestNeighbors.of(data);
            long t1 = System.nanoTime();
            double[] d = nn.nearestDistances(queries);
            long t2 = System.nanoTime();
            double[] brute = bruteForce(data, queries);
            long t3 = System.nanoTime();
            double maxDiff = 0;
            for (int i = 0; i < d.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(d[i] - brute[i]));
            }
            System.out.printf("nn build 32768 pts: %.1f ms; 8192 queries: %.1f ms; brute force: %.1f ms; speed-up %.0fx; max diff %.1e%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (double) (t3 - t2) / (t2 - t1), maxDiff);
        }
        for (int n : new int[] {2048, 8192, 32768}) {
            long t0 = System.nanoTime();
            PoissonDiskSampler.sample(cow, n, 1);
            System.out.printf("poisson-disk %d points on cow.off: %.0f ms%n", n, (System.nanoTime() - t0) / 1e6);
        }
    }

    private static double[] bruteForce(double[] data, double[] queries) {
        double[] out = new double[queries.length / 3];
        for (int q = 0; q < out.length; q++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < data.length; i += 3) {
                double dx = data[i] - queries[3 * q];
                double dy = data[i + 1] - queries[3 * q + 1];
                double dz = data[i + 2] - queries[3 * q + 2];
                best = Math.min(best, dx * dx + dy * dy + dz * dz);
            }
            out[q] = Math.sqrt(best);
        }
        return out;
    }
}
