package io.flowkit.assembly.train;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.fracture.MeshFracture;
import io.flowkit.assembly.fracture.PolygonFracture;
import io.flowkit.core.io.DataLocation;
import io.flowkit.core.math.So3;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Synthetic fracture data made reproducibly from a seed: closed meshes from {@code meshes/cgal} and
 * analytic solids, each turned by a uniform random rotation and cut into 2 to 8 parts, by random
 * planes or Voronoi cells alternately ({@link MeshFracture}), then prepared as RPF does
 * ({@link AssemblyPreparation}). These are planar fractures, unlike physically simulated ones.
 *
 * <p>The split is fixed by shape: training objects come from {@link #TRAIN_MESHES} and the analytic
 * solids; held-out objects from {@link #HELD_OUT_MESHES}, which no training object is cut from.
 */
public final class SyntheticFractures {

    /** CGAL meshes that training objects are cut from (file names without {@code .off}). */
    public static final List<String> TRAIN_MESHES = List.of("anchor", "bull", "elephant", "fandisk", "hand", "rotor",
            "sphere966");
    /** CGAL meshes kept for evaluation only. */
    public static final List<String> HELD_OUT_MESHES = List.of("cow", "triceratops", "rotor_small");
    /** The data set the meshes come from. */
    public static final String DATASET = "meshes/cgal";

    private SyntheticFractures() {}

    /**
     * Makes objects.
     *
     * @param heldOut whether to cut the held-out meshes (else the training meshes and solids)
     * @param count how many objects
     * @param minParts the fewest parts, at least 2
     * @param maxParts the most parts
     * @param preparation how to sample and pose them
     * @param seed the seed
     * @param progress receives the number of finished objects
     * @return the objects
     * @throws IOException if a mesh cannot be read
     */
    public static List<AssemblyExample> make(boolean heldOut, int count, int minParts, int maxParts,
            AssemblyPreparation preparation, long seed, IntConsumer progress) throws IOException {
        if (minParts < 2 || maxParts < minParts) {
            throw new IllegalArgumentException("part range is not valid: " + minParts + " to " + maxParts);
        }
        List<TriangleMesh> shapes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Path folder = DataLocation.dataset(DATASET);
        for (String name : heldOut ? HELD_OUT_MESHES : TRAIN_MESHES) {
            shapes.add(MeshFiles.read(folder.resolve(name + ".off")));
            names.add(name);
        }
        if (!heldOut) {
            shapes.add(box(1, 1, 1));
            names.add("cube");
            shapes.add(box(2, 1, 0.5));
            names.add("slab");
            shapes.add(prism(6, 1, 2));
            names.add("hexagonal-prism");
            shapes.add(prism(3, 1, 1));
            names.add("triangular-prism");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<AssemblyExample> out = new ArrayList<>(count);
        MeshFracture planes = MeshFracture.builder().optMode(MeshFracture.Mode.RANDOM_PLANES).build();
        MeshFracture voronoi = MeshFracture.builder().optMode(MeshFracture.Mode.VORONOI).build();
        while (out.size() < count) {
            int s = random.nextInt(shapes.size());
            int parts = minParts + random.nextInt(maxParts - minParts + 1);
            long objectSeed = random.nextLong();
            TriangleMesh mesh = rotate(shapes.get(s), new SplittableRandom(objectSeed));
            String id = names.get(s) + "-" + parts + "-" + Long.toHexString(objectSeed);
            try {
                List<TriangleMesh> pieces = (out.size() % 2 == 0 ? planes : voronoi).apply(mesh, parts, objectSeed, id);
                out.add(preparation.prepare(id, pieces, objectSeed));
                progress.accept(out.size());
            } catch (IllegalStateException e) {
                // This shape cannot give that many admissible parts with this seed: draw another.
            }
        }
        return out;
    }

    /**
     * Makes planar objects for the 2D task: random star-shaped polygons (8 to 16 vertices) cut into
     * 2 to 8 Voronoi cells ({@link PolygonFracture}), with points on each part's outline in
     * proportion to its perimeter (at least the minimum), contact labels on the shared edges, and
     * rotations about z only. Use a planar {@link AssemblyPreparation}.
     *
     * @param count how many objects
     * @param minParts the fewest parts, at least 2
     * @param maxParts the most parts
     * @param preparation a planar preparation
     * @param seed the seed; held-out sets use another seed
     * @return the objects
     */
    public static List<AssemblyExample> makePlanar(int count, int minParts, int maxParts, AssemblyPreparation preparation,
            long seed) {
        if (minParts < 2 || maxParts < minParts) {
            throw new IllegalArgumentException("part range is not valid: " + minParts + " to " + maxParts);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<AssemblyExample> out = new ArrayList<>(count);
        while (out.size() < count) {
            long s = random.nextLong();
            int parts = minParts + random.nextInt(maxParts - minParts + 1);
            org.locationtech.jts.geom.Polygon shape = PolygonFracture.randomStar(8 + random.nextInt(9), s);
            List<org.locationtech.jts.geom.Polygon> pieces;
            try {
                pieces = PolygonFracture.fracture(shape, parts, 0.05, s);
            } catch (IllegalStateException e) {
                continue;
            }
            double[] lengths = new double[parts];
            double[] areas = new double[parts];
            for (int p = 0; p < parts; p++) {
                lengths[p] = pieces.get(p).getLength();
                areas[p] = pieces.get(p).getArea();
            }
            int[] counts = preparation.allocate(lengths);
            List<double[]> sampled = new ArrayList<>();
            int n = 0;
            for (int p = 0; p < parts; p++) {
                sampled.add(PolygonFracture.sampleBoundary(pieces.get(p), counts[p], s + p));
                n += counts[p];
            }
            float[] contact = new float[n];
            org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
            int offset = 0;
            for (int p = 0; p < parts; p++) {
                double[] x = sampled.get(p);
                for (int i = 0; i < x.length / 3; i++) {
                    org.locationtech.jts.geom.Point pt = gf.createPoint(new org.locationtech.jts.geom.Coordinate(x[3 * i],
                            x[3 * i + 1]));
                    for (int q = 0; q < parts; q++) {
                        if (q != p && pieces.get(q).getExteriorRing().distance(pt) < 1e-9) {
                            contact[offset + i] = 1;
                        }
                    }
                }
                offset += x.length / 3;
            }
            out.add(preparation.prepareSampled("star-" + parts + "-" + Long.toHexString(s), sampled, areas, s)
                    .withContact(contact));
        }
        return out;
    }

    private static TriangleMesh rotate(TriangleMesh mesh, SplittableRandom random) {
        double[] r = So3.fromUniforms(random.nextDouble(), random.nextDouble(), random.nextDouble());
        double[] v = mesh.vertices();
        for (int i = 0; i < v.length; i += 3) {
            double x = v[i];
            double y = v[i + 1];
            double z = v[i + 2];
            v[i] = r[0] * x + r[1] * y + r[2] * z;
            v[i + 1] = r[3] * x + r[4] * y + r[5] * z;
            v[i + 2] = r[6] * x + r[7] * y + r[8] * z;
        }
        return mesh.withVertices(v);
    }

    /**
     * An axis-aligned box centred at the origin, outward normals.
     *
     * @param x side along x
     * @param y side along y
     * @param z side along z
     * @return the closed mesh
     */
    public static TriangleMesh box(double x, double y, double z) {
        double[] v = new double[24];
        for (int i = 0; i < 8; i++) {
            v[3 * i] = ((i & 1) == 0 ? -0.5 : 0.5) * x;
            v[3 * i + 1] = ((i & 2) == 0 ? -0.5 : 0.5) * y;
            v[3 * i + 2] = ((i & 4) == 0 ? -0.5 : 0.5) * z;
        }
        int[] f = {0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5};
        return TriangleMesh.of(v, f);
    }

    /**
     * A right prism over a regular polygon, centred at the origin, outward normals.
     *
     * @param sides polygon sides, at least 3
     * @param radius circumradius
     * @param height along z
     * @return the closed mesh
     */
    public static TriangleMesh prism(int sides, double radius, double height) {
        double[] v = new double[3 * (2 * sides + 2)];
        for (int i = 0; i < sides; i++) {
            double a = 2 * Math.PI * i / sides;
            for (int k = 0; k < 2; k++) {
                int idx = 3 * (i + k * sides);
                v[idx] = radius * Math.cos(a);
                v[idx + 1] = radius * Math.sin(a);
                v[idx + 2] = (k - 0.5) * height;
            }
        }
        int bottom = 2 * sides;
        int top = 2 * sides + 1;
        v[3 * bottom + 2] = -height / 2;
        v[3 * top + 2] = height / 2;
        List<Integer> f = new ArrayList<>();
        for (int i = 0; i < sides; i++) {
            int j = (i + 1) % sides;
            f.addAll(List.of(i, j, j + sides, i, j + sides, i + sides, bottom, j, i, top, i + sides, j + sides));
        }
        return TriangleMesh.of(v, f.stream().mapToInt(Integer::intValue).toArray());
    }
}
