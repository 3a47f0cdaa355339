package io.flowkit.meshes.bench;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.geometry.MidpointSubdivision;
import io.flowkit.meshes.noise.MaternNoise;
import io.flowkit.meshes.sparse.CoordinateBisection;
import io.flowkit.meshes.sparse.SparseCholesky;
import io.flowkit.validation.mesh.LaplaceBeltrami;
import java.util.Locale;

/**
 * Times {@link MaternNoise} ("Matérn Noise for Triangulation-Agnostic Flow Matching on Meshes",
 * 2026) on a large mesh: the {@code bunny_70k} triangulation subdivided (midpoint, 1-to-4) until it
 * has at least about the target number of triangles (default one million: two levels, 1.11 M),
 * then prints the time to build the sampler (assembly, ordering, factorisation) and per 3-channel
 * sample. Arguments: {@code [targetTriangles [samples]]}. Needs about 3 GB of heap for a million
 * triangles.
 */
public final class MaternBench {

    private MaternBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional target triangle count (default 1,000,000) and sample count (default 5)
     * @throws Exception if the bunny cannot be read
     */
    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TriangleMesh mesh = MeshFolder.bunnyTriangulations().read("bunny_70k");
        int levels = 0;
        while ((long) mesh.faceCount() * Math.round(Math.pow(4, levels)) < 0.9 * target) {
            levels++;
        }
        long t0 = System.nanoTime();
        mesh = MidpointSubdivision.subdivide(mesh, levels);
        System.out.printf(Locale.ROOT, "mesh: bunny_70k subdivided %d times: %,d vertices, %,d triangles (%.2f s); "
                + "%d processors, max heap %.1f GB%n", levels, mesh.vertexCount(), mesh.faceCount(), seconds(t0),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);

        // Phases, for the record: assembly, ordering and the fill it gives.
        long t1 = System.nanoTime();
        LaplaceBeltrami op = LaplaceBeltrami.of(mesh);
        double assembly = seconds(t1);
        long t2 = System.nanoTime();
        int[] perm = CoordinateBisection.order(mesh.vertices(), op.stiffness());
        double ordering = seconds(t2);
        long fill = SparseCholesky.factorEntries(op.stiffness(), perm);
        System.out.printf(Locale.ROOT, "assembly of L and M: %.2f s; coordinate-bisection ordering: %.2f s; "
                + "factor entries %,d (%.1f per vertex)%n", assembly, ordering, fill, (double) fill / mesh.vertexCount());
        op = null;

        long t3 = System.nanoTime();
        MaternNoise noise = MaternNoise.builder().setMesh(mesh).optChannels(3).build();
        double build = seconds(t3);
        System.out.printf(Locale.ROOT, "sampler build (checks, assembly, ordering, Cholesky of L + τM): %.2f s, "
                + "factor entries %,d%n", build, noise.factor().factorEntries());
        double total = 0;
        double best = Double.POSITIVE_INFINITY;
        double check = 0;
        for (int s = 0; s < samples; s++) {
            long t = System.nanoTime();
            double[] x = noise.sample(s);
            double dt = seconds(t);
            total += dt;
            best = Math.min(best, dt);
            check += x[0];
        }
        System.out.printf(Locale.ROOT, "3-channel sample: mean %.3f s, best %.3f s over %d samples (checksum %.3g)%n",
                total / samples, best, samples, check);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
