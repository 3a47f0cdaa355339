package io.flowkit.validation.pointcloud;

import static io.flowkit.validation.TestShapes.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.pointcloud.io.PointCloudFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurfaceMetricsTest {

    /**
     * Point-triangle distance by a different route than the library's: project onto the plane; if
     * the projection is inside (barycentric coordinates ≥ 0) it is the plane distance, otherwise the
     * nearest of the three edges.
     */
    static double naiveTriangleDistance(double[] v, int ia, int ib, int ic, double[] p) {
        double[] a = Arrays.copyOfRange(v, 3 * ia, 3 * ia + 3);
        double[] b = Arrays.copyOfRange(v, 3 * ib, 3 * ib + 3);
        double[] c = Arrays.copyOfRange(v, 3 * ic, 3 * ic + 3);
        double[] u = sub(b, a);
        double[] w = sub(c, a);
        double[] n = cross(u, w);
        double nn = dot(n, n);
        if (nn > 1e-30) {
            double[] ap = sub(p, a);
            double h = dot(ap, n) / nn;
            double[] q = {p[0] - h * n[0], p[1] - h * n[1], p[2] - h * n[2]};
            double[] aq = sub(q, a);
            double beta = dot(cross(aq, w), n) / nn;
            double gamma = dot(cross(u, aq), n) / nn;
            if (beta >= 0 && gamma >= 0 && beta + gamma <= 1) {
                return Math.abs(h) * Math.sqrt(nn);
            }
        }
        return Math.min(segment(a, b, p), Math.min(segment(b, c, p), segment(c, a, p)));
    }

    private static double segment(double[] a, double[] b, double[] p) {
        double[] d = sub(b, a);
        double len = dot(d, d);
        double t = len > 0 ? Math.max(0, Math.min(1, dot(sub(p, a), d) / len)) : 0;
        double[] q = {a[0] + t * d[0], a[1] + t * d[1], a[2] + t * d[2]};
        double[] e = sub(p, q);
        return Math.sqrt(dot(e, e));
    }

    private static double[] sub(double[] x, double[] y) {
        return new double[] {x[0] - y[0], x[1] - y[1], x[2] - y[2]};
    }

    private static double[] cross(double[] x, double[] y) {
        return new double[] {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    static double naiveSurfaceDistance(double[] v, int[] f, double[] p) {
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < f.length; t += 3) {
            best = Math.min(best, naiveTriangleDistance(v, f[t], f[t + 1], f[t + 2], p));
        }
        return best;
    }

    @Test
    void p2fEqualsTheNaiveDistanceOverAllTriangles() {
        Object[] sphere = io.flowkit.validation.TestShapes.icosphere(3);
        double[] v = (double[]) sphere[0];
        int[] f = (int[]) sphere[1];
        Random random = new Random(14);
        double[] points = gaussian(random, 1500, 0.8, 0);
        PointToSurface.Result r = PointToSurface.of(points, v, f);
        double[] d = r.distances();
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            double expected = naiveSurfaceDistance(v, f, Arrays.copyOfRange(points, 3 * i, 3 * i + 3));
            assertEquals(expected, d[i], 1e-12, "point " + i);
            sum += expected;
        }
        assertEquals(sum / d.length, r.mean(), 1e-12);
        double var = 0;
        for (double x : d) {
            var += (x - r.mean()) * (x - r.mean());
        }
        assertEquals(Math.sqrt(var / d.length), r.std(), 1e-12);
    }

    @Test
    void analyticDistancesToAPlaneAndASphereAndDegenerateTriangles() {
        // The square [0,1]² in the plane z = 0, two triangles.
        double[] v = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
        int[] f = {0, 1, 2, 0, 2, 3};
        Surface square = Surface.of(v, f);
        assertEquals(1.0, square.area(), 1e-15);
        assertEquals(0.25, square.distance(0.3, 0.6, -0.25), 1e-15);
        assertEquals(Math.sqrt(0.5 * 0.5 + 2 * 2), square.distance(1.5, 0.5, 2), 1e-15);
        assertEquals(Math.sqrt(3), square.distance(2, 2, 1), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.6, 0, 1, 1, 0}, square.closestPoints(new double[] {0.3, 0.6, 5, 4, 3, -1}), 1e-15);
        // A degenerate (collinear) triangle is its segment.
        Surface needle = Surface.of(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0}, new int[] {0, 1, 2});
        assertEquals(1.0, needle.distance(1.5, 1, 0), 1e-15);
        assertEquals(Math.sqrt(2), needle.distance(3, 0, 1), 1e-15);
        // Points at radius 2 lie between 1 and 1 + (1 − inradius of the faceting) from a unit icosphere.
        Object[] sphere = io.flowkit.validation.TestShapes.icosphere(4);
        Surface s = Surface.of((double[]) sphere[0], (int[]) sphere[1]);
        assertEquals(4 * Math.PI, s.area(), 0.02 * 4 * Math.PI);
        double[] far = gaussian(new Random(3), 500, 1, 0);
        for (int i = 0; i < 500; i++) {
            double n = Math.sqrt(far[3 * i] * far[3 * i] + far[3 * i + 1] * far[3 * i + 1] + far[3 * i + 2] * far[3 * i + 2]);
            for (int k = 0; k < 3; k++) {
                far[3 * i + k] *= 2 / n;
            }
        }
        for (double d : s.distances(far)) {
            assertTrue(d >= 1 - 1e-12 && d < 1.01, "distance " + d);
        }
        // Uniform samples lie on the surface and fill it evenly (about half above z = 0).
        double[] samples = s.sampleUniform(4000, 9);
        int above = 0;
        for (int i = 0; i < 4000; i++) {
            assertTrue(s.distance(samples[3 * i], samples[3 * i + 1], samples[3 * i + 2]) < 1e-12);
            above += samples[3 * i + 2] > 0 ? 1 : 0;
        }
        assertEquals(2000, above, 120);
        assertArrayEquals(samples, s.sampleUniform(4000, 9));
    }

    @Test
    void uniformityFollowsItsDefinitionAndRanksRegularAboveRandomAboveClumped() {
        // A fine, flat square: regular grid points vs random points vs clumped points.
        int g = 40;
        double[] v = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
        int[] f = {0, 1, 2, 0, 2, 3};
        Surface square = Surface.of(v, f);
        double[] grid = new double[3 * g * g];
        for (int i = 0; i < g * g; i++) {
            grid[3 * i] = (i % g + 0.5) / g;
            grid[3 * i + 1] = (i / g + 0.5) / g;
        }
        Random random = new Random(15);
        double[] uniform = new double[grid.length];
        double[] clumped = new double[grid.length];
        for (int i = 0; i < g * g; i++) {
            uniform[3 * i] = random.nextDouble();
            uniform[3 * i + 1] = random.nextDouble();
            int cluster = i % 20;
            clumped[3 * i] = Math.min(1, Math.max(0, 0.1 + 0.04 * cluster + 0.02 * random.nextGaussian()));
            clumped[3 * i + 1] = Math.min(1, Math.max(0, 0.5 + 0.3 * Math.sin(cluster) + 0.02 * random.nextGaussian()));
        }
        Uniformity measure = Uniformity.builder().optSeeds(400).optRandomSeed(1).optPercentages(0.01, 0.02).build();
        Uniformity.Result rGrid = measure.compute(grid, square);
        Uniformity.Result rUniform = measure.compute(uniform, square);
        Uniformity.Result rClumped = measure.compute(clumped, square);
        for (int k = 0; k < 2; k++) {
            assertTrue(rGrid.values()[k] < rUniform.values()[k], "grid below random at p index " + k);
            assertTrue(rUniform.values()[k] < rClumped.values()[k], "random below clumped at p index " + k);
        }
        // The same value from a direct transcription of the definition (no index, no shortcuts).
        assertEquals(naiveUniformity(uniform, square, 0.01, 400, 1), rUniform.values()[0], 1e-12);
        assertEquals(naiveUniformity(clumped, square, 0.02, 400, 1), rClumped.values()[1], 1e-12);
        assertArrayEquals(rUniform.values(), measure.compute(uniform, square).values(), "seeded and repeatable");
    }

    static double naiveUniformity(double[] points, Surface s, double p, int seeds, long seed) {
        double[] foot = s.closestPoints(points);
        int n = points.length / 3;
        double r = Math.sqrt(s.area() * p / Math.PI);
        double[] centres = s.sampleUniform(seeds, seed);
        double sum = 0;
        int kept = 0;
        for (int j = 0; j < seeds; j++) {
            java.util.List<double[]> disk = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] q = Arrays.copyOfRange(foot, 3 * i, 3 * i + 3);
                if (Math.sqrt(dot(sub(q, Arrays.copyOfRange(centres, 3 * j, 3 * j + 3)), sub(q, Arrays.copyOfRange(centres, 3 * j, 3 * j + 3)))) <= r) {
                    disk.add(q);
                }
            }
            if (disk.size() < 5) {
                continue;
            }
            double expected = p * n;
            double imbalance = Math.pow(disk.size() - expected, 2) / expected;
            double spacing = Math.sqrt(2 * Math.PI * r * r / disk.size() / 1.7320508075688772);
            double clutter = 0;
            for (double[] a : disk) {
                double best = Double.POSITIVE_INFINITY;
                for (double[] b : disk) {
                    if (a != b) {
                        best = Math.min(best, Math.sqrt(dot(sub(a, b), sub(a, b))));
                    }
                }
                clutter += Math.pow(best - spacing, 2) / spacing;
            }
            sum += imbalance * clutter / disk.size();
            kept++;
        }
        return sum / kept;
    }

    @Test
    void realPuGanMeshesAndOutputs() throws Exception {
        Path dir = DataLocation.dataset("pointclouds/pugan-official");
        for (String name : new String[] {"Icosahedron", "fandisk"}) {
            TriangleMesh mesh = MeshFiles.read(dir.resolve(name + ".off"));
            PointCloud input = PointCloudFiles.read(dir.resolve(name + ".xyz"));
            PointCloud output = PointCloudFiles.read(dir.resolve(name + "_pugan_x4_output.xyz"));
            Surface surface = Surface.of(mesh);
            // The official input was sampled on the mesh: P2F at the precision of the text file.
            assertTrue(PointToSurface.of(input.positions(), surface).mean() < 1e-5, name);
            // Every point's distance equals the naive distance over all triangles (every 16th point, for time).
            PointToSurface.Result p2f = PointToSurface.of(output, mesh);
            double[] at = output.positions();
            for (int i = 0; i < output.size(); i += 16) {
                double[] p = {at[3 * i], at[3 * i + 1], at[3 * i + 2]};
                assertEquals(naiveSurfaceDistance(mesh.vertices(), mesh.faces(), p), p2f.distances()[i], 1e-12,
                        name + " point " + i);
            }
            // The published P2F is an average over PU-GAN's 27 test shapes (2.33e-3); single shapes differ from
            // the average, so the band allows a factor 2 either way.
            assertTrue(p2f.mean() > 2.33e-3 / 2 && p2f.mean() < 2.33e-3 * 2, name + " P2F " + p2f.mean());
            // CD depends on how the truth is sampled (here uniformly, PU-GAN's by Poisson disks), so it is held to
            // references measured the same way: four times the points of the input halve the spacing on a
            // surface, so at most half the input's CD; and better than independent uniform samples of its size.
            double[] truth = surface.sampleUniform(8192, 7);
            double cd = Chamfer.puGan(output.positions(), truth) * Chamfer.REPORT_SCALE;
            double cdInput = Chamfer.puGan(input.positions(), truth) * Chamfer.REPORT_SCALE;
            double cdRandom = Chamfer.puGan(surface.sampleUniform(8192, 8), truth) * Chamfer.REPORT_SCALE;
            assertTrue(cd < cdInput / 2, name + " CD " + cd + " vs the input's " + cdInput);
            assertTrue(cd < cdRandom, name + " CD " + cd + " vs uniform samples' " + cdRandom);
            // PU-GAN's output is far more uniform than independent uniform samples of the same size.
            Uniformity measure = Uniformity.builder().optSeeds(300).optRandomSeed(3).build();
            double[] upsampled = measure.compute(output.positions(), surface).values();
            double[] random = measure.compute(truth, surface).values();
            for (int k = 0; k < upsampled.length; k++) {
                assertTrue(upsampled[k] < random[k], name + " p " + Uniformity.PU_GAN_PERCENTAGES[k]);
            }
        }
    }

    @Test
    void rejectsBadMeshesAndSettings() {
        double[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Surface.of(v, new int[] {0, 1, 3}))
                .getMessage().contains("out of range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Surface.of(v, new int[0]))
                .getMessage().contains("faces is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Surface.of(new double[] {0, 0, Double.NaN}, new int[] {0, 0, 0}))
                .getMessage().contains("vertices point 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PointToSurface.of(new double[0], v, new int[] {0, 1, 2}))
                .getMessage().contains("points is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Uniformity.builder().optPercentages(1.5).build())
                .getMessage().contains("not in (0, 1)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Surface.of(new double[] {0, 0, 0, 1, 0, 0}, new int[] {0, 1, 1}).sampleUniform(3, 1))
                .getMessage().contains("zero area"));
    }
}
