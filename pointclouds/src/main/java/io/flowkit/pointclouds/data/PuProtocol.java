package io.flowkit.pointclouds.data;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.sampling.PoissonDiskSampler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The PU-GAN evaluation protocol (Li et al. 2019, "PU-GAN: a Point Cloud Upsampling Adversarial
 * Network"; used by PU-GCN and PUFM++) on the 15 PU-GAN test meshes of
 * {@code pointclouds/pugan-meshes}, with a split fixed in code.
 *
 * <p><b>Sampling.</b> From a mesh, the sparse input is a Poisson-disk sample of 2,048 points and the
 * ground truth an independent Poisson-disk sample of {@code 2,048 · r} points (8,192 for x4, 32,768
 * for x16), both by sample elimination ({@link PoissonDiskSampler}), each with its own seed derived
 * from the caller's. Nothing is cached on disk.
 *
 * <p><b>Split.</b> 4 test meshes ({@link #TEST_MESHES}): {@code fandisk} (a CAD part with sharp
 * edges, also one of the two shapes of {@code pugan-official}, so it must never be trained on),
 * {@code cow} (organic, thin legs), {@code genus3} (smooth, three handles) and {@code m355}; the
 * other 11 are {@link #TRAIN_MESHES}. The PU-Net clouds of {@code punet-mc5k} share most of these
 * shapes, so {@link #TRAIN_CLOUDS} leaves out every test shape and both official shapes
 * ({@code fandisk}, {@code Icosahedron}): nothing evaluated here is seen in training, as a mesh or
 * as a cloud.
 */
public final class PuProtocol {

    /** The number of input points of the protocol: 2,048. */
    public static final int INPUT_POINTS = 2048;

    /** The test meshes of {@code pugan-meshes}, sorted. */
    public static final List<String> TEST_MESHES = List.of("cow", "fandisk", "genus3", "m355");

    /** The training meshes of {@code pugan-meshes}: the other 11, sorted. */
    public static final List<String> TRAIN_MESHES = List.of("casting", "chair", "coverrear_Lp", "eight", "elephant",
            "horse", "m32", "m329", "m333", "m60", "pig");

    /** The two shapes of {@code pugan-official}, with PU-GAN's own x4 outputs: test only. */
    public static final List<String> OFFICIAL_SHAPES = List.of("fandisk", "Icosahedron");

    /**
     * The {@code punet-mc5k} clouds that may be trained on: all 15 but the test meshes' shapes
     * ({@code cow}, {@code fandisk}, {@code genus3}) and the official shapes ({@code Icosahedron}), sorted.
     */
    public static final List<String> TRAIN_CLOUDS = List.of("Octahedron", "casting", "chair", "coverrear_Lp", "eight",
            "elephant", "horse", "moai", "pig", "quadric", "sculpt");

    /**
     * The closed meshes of {@code meshes/cgal} that may be trained on, sorted: all 30 but the test
     * shapes ({@code cow}, {@code fandisk} and its finer {@code fandisk_large}), the
     * {@link #CGAL_UNSEEN_MESHES}, and the coarser or duplicate copy of a surface held twice
     * ({@code anchor} beside {@code anchor_dense}, {@code refined_elephant} beside {@code elephant},
     * {@code rotor} beside {@code rotor_small}, {@code sphere} and {@code sphere966} beside
     * {@code larger_sphere}).
     */
    public static final List<String> CGAL_TRAIN_MESHES = List.of("anchor_dense", "blobby", "bones", "bull", "bunny00",
            "cheese", "couplingdown", "diplodocus", "elephant", "ellipe0.003", "femur", "handle", "knot", "knot1",
            "larger_sphere", "man", "retinal", "rotor_small", "turbine");

    /**
     * Three {@code meshes/cgal} shapes with thin parts, never trained on, on which the upsampler is
     * also measured: {@code hand} (fingers), {@code knot2} (a thin tube whose strands pass close to
     * each other) and {@code triceratops} (legs and horns).
     */
    public static final List<String> CGAL_UNSEEN_MESHES = List.of("hand", "knot2", "triceratops");

    private PuProtocol() {}

    /**
     * Reads a mesh of {@code meshes/cgal} and samples it with 2,048 input points.
     *
     * @param name a mesh name of {@code meshes/cgal}, for example "knot2"
     * @param ratio upsampling rate, at least 2
     * @param seed random seed
     * @return the shape
     * @throws IOException if the mesh is missing or malformed
     */
    public static ShapeSample loadCgal(String name, int ratio, long seed) throws IOException {
        return sample(name, MeshFolder.cgal().read(name), INPUT_POINTS, ratio, seed);
    }

    /**
     * Samples a mesh by the protocol, under the name "mesh".
     *
     * @param mesh a mesh with positive area
     * @param inputPoints input size, at least 1 (2,048 in the protocol)
     * @param ratio upsampling rate, at least 2; the ground truth has {@code inputPoints · ratio} points
     * @param seed random seed; the same seed gives the same clouds
     * @return the shape with its input and ground truth
     * @throws IllegalArgumentException on a count below 1, a ratio below 2 or a mesh without area
     */
    public static ShapeSample sample(TriangleMesh mesh, int inputPoints, int ratio, long seed) {
        return sample("mesh", mesh, inputPoints, ratio, seed);
    }

    /**
     * Samples a named mesh by the protocol: Poisson-disk input of {@code inputPoints} and Poisson-disk
     * ground truth of {@code inputPoints · ratio}, independently seeded.
     *
     * @param name the shape's name
     * @param mesh a mesh with positive area
     * @param inputPoints input size, at least 1 (2,048 in the protocol)
     * @param ratio upsampling rate, at least 2
     * @param seed random seed; the same seed gives the same clouds
     * @return the shape with its input and ground truth
     * @throws IllegalArgumentException on a count below 1, a ratio below 2 or a mesh without area
     */
    public static ShapeSample sample(String name, TriangleMesh mesh, int inputPoints, int ratio, long seed) {
        if (inputPoints < 1) {
            throw new IllegalArgumentException("input points is not positive: " + inputPoints);
        }
        if (ratio < 2) {
            throw new IllegalArgumentException("ratio is less than 2: " + ratio);
        }
        int truthPoints = Math.multiplyExact(inputPoints, ratio);
        SplittableRandom seeds = new SplittableRandom(seed);
        long inputSeed = seeds.nextLong();
        long truthSeed = seeds.nextLong();
        double[] input = PoissonDiskSampler.sample(mesh, inputPoints, inputSeed).points().positions();
        double[] truth = PoissonDiskSampler.sample(mesh, truthPoints, truthSeed).points().positions();
        return new ShapeSample(name, mesh, input, truth);
    }

    /**
     * Reads one of the 15 PU-GAN meshes and samples it with 2,048 input points.
     *
     * @param name a mesh name of {@code pointclouds/pugan-meshes}, for example "cow"
     * @param ratio upsampling rate, at least 2
     * @param seed random seed
     * @return the shape
     * @throws IOException if the mesh is missing or malformed
     */
    public static ShapeSample load(String name, int ratio, long seed) throws IOException {
        return sample(name, MeshFolder.puganMeshes().read(name), INPUT_POINTS, ratio, seed);
    }

    /**
     * The test shapes, sampled by the protocol, in the order of {@link #TEST_MESHES}.
     *
     * @param ratio upsampling rate, at least 2
     * @param seed random seed, used for every mesh
     * @return one sample per test mesh
     * @throws IOException if a mesh is missing or malformed
     */
    public static List<ShapeSample> testSet(int ratio, long seed) throws IOException {
        List<ShapeSample> out = new ArrayList<>();
        for (String name : TEST_MESHES) {
            out.add(load(name, ratio, seed));
        }
        return out;
    }

    /**
     * Whether a shape may be trained on: it is neither a test mesh, an official shape, another
     * copy of one ({@code fandisk_large}) nor one of the {@link #CGAL_UNSEEN_MESHES} (case-insensitive, so the PU-Net {@code Icosahedron} and a mesh {@code icosahedron} count as one).
     *
     * @param name a mesh or cloud name
     * @return true when the shape is not held out
     */
    public static boolean trainable(String name) {
        for (String held : TEST_MESHES) {
            if (held.equalsIgnoreCase(name)) {
                return false;
            }
        }
        for (String held : OFFICIAL_SHAPES) {
            if (held.equalsIgnoreCase(name)) {
                return false;
            }
        }
        for (String held : CGAL_UNSEEN_MESHES) {
            if (held.equalsIgnoreCase(name)) {
                return false;
            }
        }
        return !name.toLowerCase(java.util.Locale.ROOT).startsWith("fandisk");
    }
}
