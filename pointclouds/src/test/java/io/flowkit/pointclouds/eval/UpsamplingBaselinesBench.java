package io.flowkit.pointclouds.eval;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.sampling.PoissonDiskSampler;
import io.flowkit.pointclouds.data.PatchPairs;
import io.flowkit.pointclouds.data.PointMatching;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.data.UpsamplingPatch;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.prepare.PatchSeeds;
import io.flowkit.validation.pointcloud.Surface;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the figures of the plain-Java upsampling parts: timings of the exact 1,024 × 1,024 Earth
 * Mover's assignment, of Poisson-disk sampling at 8,192 and 32,768 points and of midpoint
 * interpolation, patch coverage, and the x4 metrics of the midpoint baseline, PU-GAN's official
 * output and the oracle. Run with FLOWKIT_DATA set:
 * {@code mvn -o -q exec:java -pl pointclouds -Dexec.classpathScope=test
 * -Dexec.mainClass=io.flowkit.pointclouds.eval.UpsamplingBaselinesBench}.
 */
public final class UpsamplingBaselinesBench {

    private UpsamplingBaselinesBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional: "timings" or "metrics" to run one part, "x16" for the x16 baselines
     * @throws IOException if a data set is missing
     */
    public static void main(String[] args) throws IOException {
        String part = args.length > 0 ? args[0] : "all";
        long seed = 1;
        if (part.equals("all") || part.equals("timings")) {
            timings(seed);
        }
        if (part.equals("all") || part.equals("metrics")) {
            metrics(seed);
        }
        if (part.equals("x16")) {
            x16(seed);
        }
    }

    private static void timings(long seed) throws IOException {
        TriangleMesh cow = io.flowkit.datasets.catalog.MeshFolder.puganMeshes().read("cow");
        PoissonDiskSampler.sample(cow, 2048, 0); // warm-up
        for (int n : new int[] {2048, 8192, 32768}) {
            double[] t = new double[3];
            for (int r = 0; r < t.length; r++) {
                long t0 = System.nanoTime();
                PoissonDiskSampler.sample(cow, n, seed + r);
                t[r] = (System.nanoTime() - t0) / 1e9;
            }
            System.out.printf(Locale.ROOT, "Poisson-disk %,d points on cow: median %.3f s (%s)%n", n, median(t), Arrays.toString(t));
        }
        ShapeSample shape = PuProtocol.load("cow", 4, seed);
        double[] input = shape.input();
        double[] ti = new double[5];
        for (int r = 0; r < ti.length; r++) {
            long t0 = System.nanoTime();
            MidpointInterpolation.interpolate(input, 4);
            ti[r] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "midpoint interpolation 2,048 -> 8,192: median %.3f s%n", median(ti));
        UpsamplingPatch p = PatchPairs.build(shape, 256, 4, 1, seed).get(0);
        double[] interp = p.interpolated();
        double[] truth = p.truth();
        double[] te = new double[5];
        for (int r = 0; r < te.length; r++) {
            long t0 = System.nanoTime();
            PointMatching.assignment(interp, truth);
            te[r] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "exact EMD assignment 1,024 x 1,024 (real patch): median %.3f s (%s)%n", median(te), Arrays.toString(te));
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] a = random.doubles(3 * 1024, -1, 1).toArray();
        double[] b = random.doubles(3 * 1024, -1, 1).toArray();
        double[] tr = new double[3];
        for (int r = 0; r < tr.length; r++) {
            long t0 = System.nanoTime();
            PointMatching.assignment(a, b);
            tr[r] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "exact EMD assignment 1,024 x 1,024 (uniform cube): median %.3f s%n", median(tr));
        long t0 = System.nanoTime();
        int count = PatchPairs.build(shape, 256, 4, 8, seed).size();
        System.out.printf(Locale.ROOT, "PatchPairs.build: %d patches 256 -> 1,024 in %.3f s%n", count, (System.nanoTime() - t0) / 1e9);
        for (ShapeSample s : PuProtocol.testSet(4, seed)) {
            int[][] patches = PatchSeeds.patches(s.input(), 256, 3);
            boolean[] covered = new boolean[s.inputSize()];
            for (int[] q : patches) {
                for (int i : q) {
                    covered[i] = true;
                }
            }
            int c = 0;
            for (boolean v : covered) {
                c += v ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "PatchSeeds %s: %d patches of 256, coverage 3 covers %d of %d input points%n",
                    s.name(), patches.length, c, covered.length);
        }
    }

    private static void metrics(long seed) throws IOException {
        baselines(4, seed);
        UpsamplingReport.Builder official = UpsamplingReport.builder().optTitle("x4 on pugan-official (seed " + seed + ")");
        for (OfficialShape o : PuganOfficial.loadAll(seed)) {
            ShapeSample s = o.shape();
            Surface surface = Surface.of(s.mesh());
            official.add("midpoint", s.name(), UpsamplingMetrics.of(UpsamplingBaselines.midpoint(s.input(), 4), s.truth(), surface, seed));
            official.add("PU-GAN (official)", s.name(), UpsamplingMetrics.of(o.puganX4(), s.truth(), surface, seed));
            official.add("oracle", s.name(), UpsamplingMetrics.of(UpsamplingBaselines.oracle(s.mesh(), s.truthSize(), seed),
                    s.truth(), surface, seed));
            System.out.printf(Locale.ROOT, "%s official input: P2F mean %.5f (on the official mesh)%n", s.name(),
                    io.flowkit.validation.pointcloud.PointToSurface.of(s.input(), surface).mean());
        }
        UpsamplingReport o = official.build();
        System.out.println(o.table().toMarkdown());
        System.out.println(o.relativeTo("oracle").toMarkdown());
    }

    private static void x16(long seed) throws IOException {
        baselines(16, seed);
    }

    /** Midpoint (x4 applied until the ratio is reached) and oracle on the test meshes; prints both tables. */
    private static void baselines(int ratio, long seed) throws IOException {
        String midpointName = ratio == 4 ? "midpoint" : "midpoint x4 twice";
        UpsamplingReport.Builder test = UpsamplingReport.builder()
                .optTitle("x" + ratio + " on the PU-GAN test meshes (seed " + seed + ")");
        for (ShapeSample s : PuProtocol.testSet(ratio, seed)) {
            Surface surface = Surface.of(s.mesh());
            long t0 = System.nanoTime();
            double[] mid = s.input();
            for (int r = 1; r < ratio; r *= 4) {
                mid = UpsamplingBaselines.midpoint(mid, 4);
            }
            long t1 = System.nanoTime();
            double[] oracle = UpsamplingBaselines.oracle(s.mesh(), s.truthSize(), seed);
            long t2 = System.nanoTime();
            test.add(midpointName, s.name(), UpsamplingMetrics.of(mid, s.truth(), surface, seed));
            long t3 = System.nanoTime();
            test.add("oracle", s.name(), UpsamplingMetrics.of(oracle, s.truth(), surface, seed));
            System.err.printf(Locale.ROOT, "%s: midpoint %.2f s, oracle %.2f s, metrics %.2f s%n", s.name(), (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        }
        UpsamplingReport r = test.build();
        System.out.println(r.table().toMarkdown());
        System.out.println(r.relativeTo("oracle").toMarkdown());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
