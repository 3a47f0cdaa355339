package io.flowkit.meshes.bench;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.core.sparse.CoordinateBisection;
import io.flowkit.core.sparse.SparseCholesky;
import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.geometry.MidpointSubdivision;
import io.flowkit.meshes.noise.MaternNoise;
import java.util.Locale;

/**
 * Times {@link MaternNoise} ("Matérn Noise for Triangulation-Agnostic Flow Matching on Meshes",
 * 2026) on a large mesh: the {@code bunny_70k} triangulation subdivided (midpoint, 1-to-4) until it
 * has at least about the target number of triangles (default one million: two levels, 1.11 M),
 * then prints the time to build the sampler (assembly, ordering, factorisation) and per 3-channel
 * sample, beside the previous solver (classic cotangent Laplacian, EJML's up-looking Cholesky) on the
 * same mesh in the same run. Arguments: {@code [targetTriangles [samples]]}. Needs about 3 GB of heap for a million
 * triangles.
 */
public final class MaternBench {

    private MaternBench() {}

    /**
     * The figures of one run.
     *
     * @param levels midpoint subdivisions of bunny_70k
     * @param vertices vertices of the subdivided mesh
     * @param triangles its triangles
     * @param buildSeconds sampler build: checks, assembly of L and M, ordering, Cholesky of L + τM
     * @param factorEntries entries of the Cholesky factor
     * @param meanSampleSeconds mean time of one 3-channel sample
     * @param bestSampleSeconds best time of one 3-channel sample
     * @param baselineBuildSeconds the previous solver's build on the same mesh in the same run
     *     (classic cotangent Laplacian, the same ordering, EJML's up-looking Cholesky)
     * @param baselineSampleSeconds the previous solver's 3-channel solve
     */
    public record Timing(int levels, int vertices, int triangles, double buildSeconds, long factorEntries,
            double meanSampleSeconds, double bestSampleSeconds, double baselineBuildSeconds,
            double baselineSampleSeconds) {}

    /**
     * Subdivides bunny_70k to about the target size, builds the sampler and draws samples.
     *
     * @param targetTriangles the triangle count to reach (at least 90% of it)
     * @param samples samples drawn and timed (at least 1)
     * @return the timings
     * @throws java.io.IOException if the bunny cannot be read
     * @throws IllegalArgumentException if samples is below 1
     */
    public static Timing measure(long targetTriangles, int samples) throws java.io.IOException {
        if (samples < 1) {
            throw new IllegalArgumentException("samples is below 1: " + samples);
        }
        return measure(bunny(targetTriangles), samples);
    }

    /**
     * bunny_70k subdivided by midpoints until it has at least 90% of a triangle count.
     *
     * @param mesh the subdivided mesh
     * @param levels how many times it was subdivided
     */
    private record Subdivided(TriangleMesh mesh, int levels) {}

    private static Subdivided bunny(long targetTriangles) throws java.io.IOException {
        TriangleMesh mesh = MeshFolder.bunnyTriangulations().read("bunny_70k");
        int levels = 0;
        while ((long) mesh.faceCount() * Math.round(Math.pow(4, levels)) < 0.9 * targetTriangles) {
            levels++;
        }
        return new Subdivided(MidpointSubdivision.subdivide(mesh, levels), levels);
    }

    private static Timing measure(Subdivided bunny, int samples) {
        TriangleMesh mesh = bunny.mesh();
        long t = System.nanoTime();
        MaternNoise noise = MaternNoise.builder().setMesh(mesh).optChannels(3).build();
        double build = seconds(t);
        double total = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < samples; s++) {
            long ts = System.nanoTime();
            noise.sample(s);
            double dt = seconds(ts);
            total += dt;
            best = Math.min(best, dt);
        }
        long entries = noise.factor().factorEntries();
        noise = null;
        UpLookingBaseline.Timing baseline = UpLookingBaseline.measure(mesh, MaternNoise.DEFAULT_TAU);
        return new Timing(bunny.levels(), mesh.vertexCount(), mesh.faceCount(), build, entries, total / samples, best,
                baseline.buildSeconds(), baseline.sampleSeconds());
    }

    /**
     * Runs the benchmark and prints the phases.
     *
     * @param args optional target triangle count (default 1,000,000) and sample count (default 5)
     * @throws Exception if the bunny cannot be read
     */
    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Subdivided bunny = bunny(target);
        TriangleMesh mesh = bunny.mesh();
        // Phases, for the record: assembly, ordering and the fill it gives.
        long t1 = System.nanoTime();
        LaplaceBeltrami op = LaplaceBeltrami.of(mesh.vertices(), mesh.faces());
        double assembly = seconds(t1);
        long t2 = System.nanoTime();
        int[] perm = CoordinateBisection.order(mesh.vertices(), op.stiffness());
        double ordering = seconds(t2);
        long fill = SparseCholesky.factorEntries(op.stiffness(), perm);
        System.out.printf(Locale.ROOT, "bunny_70k subdivided %d times: %,d vertices; assembly of L and M: %.2f s; "
                + "coordinate-bisection ordering: %.2f s; factor entries %,d (%.1f per vertex)%n", bunny.levels(),
                mesh.vertexCount(), assembly, ordering, fill, (double) fill / mesh.vertexCount());
        op = null;
        perm = null;
        Timing timing = measure(bunny, samples);
        System.out.printf(Locale.ROOT, "%,d triangles, %d processors, max heap %.1f GB: sampler build (robust Laplacian, "
                + "ordering, supernodal Cholesky of L + τM) %.2f s; 3-channel sample mean %.3f s, best %.3f s over %d; "
                + "previous solver in the same run (cotangent Laplacian, EJML up-looking Cholesky): build %.2f s, sample "
                + "%.3f s%n", timing.triangles(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e9, timing.buildSeconds(), timing.meanSampleSeconds(),
                timing.bestSampleSeconds(), samples, timing.baselineBuildSeconds(), timing.baselineSampleSeconds());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
