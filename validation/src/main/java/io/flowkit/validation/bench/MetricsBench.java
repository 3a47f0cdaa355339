package io.flowkit.validation.bench;

import io.flowkit.core.io.DataLocation;
import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.validation.distribution.EnergyDistance;
import io.flowkit.validation.distribution.Mmd;
import io.flowkit.validation.internal.PointTriangle;
import io.flowkit.validation.mesh.Eigenpairs;
import io.flowkit.validation.mesh.GeneralizedEigensolver;
import io.flowkit.validation.pointcloud.CloudDistances;
import io.flowkit.validation.pointcloud.NearestDistances;
import io.flowkit.validation.pointcloud.Surface;
import io.flowkit.validation.report.ResultTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Speed benchmarks of the metrics on real data, printed as tables (and written as Markdown and
 * JSON when an output folder is given). Times are wall-clock medians of repeated runs after
 * warm-up runs; nothing is asserted.
 *
 * <ul>
 *   <li>Chamfer and Hausdorff distances (PU-GAN convention, both from one nearest-neighbour search)
 *       between 8,192 and 32,768 points sampled on a PU-GAN test mesh, through the k-d tree, and
 *       the same nearest-neighbour distances by brute force (the speed-up);
 *   <li>point-to-surface distances of 8,192 points to that mesh through the bounding-volume
 *       hierarchy, and by testing every triangle;
 *   <li>assembly of the cotangent Laplacian and lumped mass matrix of the 70k-face bunny, and its
 *       20 smallest eigenpairs;
 *   <li>energy distance and MMD between two 2,000-sample 2D sets (the flow benchmark's size).
 * </ul>
 *
 * <p>Run with {@code mvn -q -pl validation exec:java} (FLOWKIT_DATA set), or
 * {@code java -cp <classpath> io.flowkit.validation.bench.MetricsBench [dataFolder [outputFolder]]}.
 */
public final class MetricsBench {

    private static final int WARMUP = 2;
    private static final int RUNS = 5;

    private MetricsBench() {}

    /**
     * Runs the benchmarks.
     *
     * @param args optional data folder (default: FLOWKIT_DATA), optional output folder for
     *     {@code metrics-bench.md} and {@code metrics-bench.json}
     * @throws IOException if a data file cannot be read or the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Path mesh;
        Path bunny;
        if (args.length > 0) {
            mesh = Path.of(args[0]).resolve("pointclouds/pugan-meshes/chair.off");
            bunny = Path.of(args[0]).resolve("meshes/bunny-triangulations/bunny_70k.obj");
        } else {
            mesh = DataLocation.dataset("pointclouds/pugan-meshes").resolve("chair.off");
            bunny = DataLocation.dataset("meshes/bunny-triangulations").resolve("bunny_70k.obj");
        }
        ResultTable.Builder table = ResultTable.builder()
                .optTitle("flowkit validation: metric speed (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + ")")
                .setColumns("task", "size", "median (ms)", "min (ms)", "brute force (ms)", "speed-up")
                .optDecimals("median (ms)", 1).optDecimals("min (ms)", 1).optDecimals("brute force (ms)", 1)
                .optDecimals("speed-up", 1)
                .optNote("Medians of " + RUNS + " runs after " + WARMUP + " warm-up runs; brute force: median of 3 runs.");

        TriangleMesh chair = MeshFiles.read(mesh);
        Surface surface = Surface.of(chair);
        double[] small = surface.sampleUniform(8192, 1);
        double[] large = surface.sampleUniform(32768, 2);

        double[] index = time(() -> CloudDistances.normalised(small, large).chamferSum());
        double[] brute = time(() -> {
            double[] f = NearestDistances.bruteForce(small, large);
            double[] b = NearestDistances.bruteForce(large, small);
            return f[0] + b[0];
        }, 1, 3);
        table.addRow("Chamfer + Hausdorff (PU-GAN), k-d tree", "8,192 vs 32,768 points", index[0], index[1], brute[0],
                brute[0] / index[0]);
        double[] indexSame = time(() -> CloudDistances.between(large, surface.sampleUniform(32768, 3)).hausdorff());
        table.addRow("Chamfer + Hausdorff (raw), k-d tree", "32,768 vs 32,768 points (incl. sampling)", indexSame[0],
                indexSame[1], null, null);
        for (int n : new int[] {2048, 8192}) {
            double[] a = surface.sampleUniform(n, 4);
            double[] b = surface.sampleUniform(4 * n, 5);
            double[] ti = time(() -> NearestDistances.of(a, b)[0]);
            double[] tb = time(() -> NearestDistances.bruteForce(a, b)[0], 1, 3);
            table.addRow("nearest distances one way", String.format("%,d to %,d points", n, 4 * n), ti[0], ti[1], tb[0],
                    tb[0] / ti[0]);
        }

        double[] query = new double[small.length];
        Random random = new Random(7);
        for (int i = 0; i < query.length; i++) {
            query[i] = small[i] + 0.01 * random.nextGaussian();
        }
        double[] p2f = time(() -> surface.distances(query)[0]);
        double[] v = chair.vertices();
        int[] f = chair.faces();
        double[] p2fBrute = time(() -> bruteForceSurface(v, f, query)[0], 1, 3);
        table.addRow("point-to-surface (P2F), BVH", String.format("8,192 points, %,d triangles", chair.faceCount()),
                p2f[0], p2f[1], p2fBrute[0], p2fBrute[0] / p2f[0]);

        TriangleMesh bunnyMesh = MeshFiles.read(bunny);
        double[] bv = bunnyMesh.vertices();
        int[] bf = bunnyMesh.faces();
        double[] assembly = time(() -> LaplaceBeltrami.of(bv, bf).area());
        table.addRow("cotangent Laplacian + lumped mass", String.format("bunny_70k: %,d vertices, %,d faces",
                bunnyMesh.vertexCount(), bunnyMesh.faceCount()), assembly[0], assembly[1], null, null);
        LaplaceBeltrami op = LaplaceBeltrami.of(bv, bf);
        long t0 = System.nanoTime();
        Eigenpairs eig = GeneralizedEigensolver.builder().setCount(20).build().solve(op);
        double eigMs = (System.nanoTime() - t0) / 1e6;
        table.addRow("20 smallest eigenpairs (shift-invert block Lanczos)",
                "bunny_70k, basis " + eig.basisDimension(), eigMs, eigMs, null, null);

        double[][] x = gaussian(new Random(1), 2000, 0);
        double[][] y = gaussian(new Random(2), 2000, 0.5);
        double[] energy = time(() -> EnergyDistance.between(x, y));
        double[] mmd = time(() -> Mmd.squaredGaussian(x, y, 0.5));
        table.addRow("energy distance", "2,000 vs 2,000 samples, 2D", energy[0], energy[1], null, null);
        table.addRow("MMD² (Gaussian, unbiased)", "2,000 vs 2,000 samples, 2D", mmd[0], mmd[1], null, null);

        ResultTable result = table.build();
        System.out.println(result.toText());
        if (args.length > 1) {
            Path out = Path.of(args[1]);
            result.writeMarkdown(out.resolve("metrics-bench.md"));
            result.writeJson(out.resolve("metrics-bench.json"));
            System.out.println("written: " + out.resolve("metrics-bench.md") + ", " + out.resolve("metrics-bench.json"));
        }
    }

    private static double[] bruteForceSurface(double[] v, int[] f, double[] points) {
        int n = points.length / 3;
        double[] out = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < f.length; t += 3) {
                best = Math.min(best, PointTriangle.closest(v, f[t], f[t + 1], f[t + 2],
                        points[3 * i], points[3 * i + 1], points[3 * i + 2], null));
            }
            out[i] = Math.sqrt(best);
        });
        return out;
    }

    private static double[][] gaussian(Random r, int n, double shift) {
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = r.nextGaussian() + shift;
            row[1] = r.nextGaussian();
        }
        return x;
    }

    private static double[] time(Supplier<Object> task) {
        return time(task, WARMUP, RUNS);
    }

    /** @return {median, min} in milliseconds */
    private static double[] time(Supplier<Object> task, int warmup, int runs) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = task.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            sink = task.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("benchmark task returned nothing");
        }
        Arrays.sort(ms);
        return new double[] {ms[runs / 2], ms[0]};
    }
}
