package io.flowkit.pointclouds.eval;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.catalog.PointCloudFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.sampling.PoissonDiskSampler;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The published PU-GAN baseline of {@code pointclouds/pugan-official} (Li et al. 2019, from the
 * PU-GAN repository's {@code data/test}): for {@code fandisk} and {@code Icosahedron}, the official
 * mesh ({@code <name>.off}), the official 2,048-point input ({@code <name>.xyz}) and PU-GAN's x4
 * output for it ({@code <name>_pugan_x4_output.xyz}, 8,192 points). The ground truth is not
 * published; as in the protocol it is a Poisson-disk sample of 8,192 points of the official mesh,
 * seeded. (The official {@code fandisk.off} is another triangulation of the same surface as
 * {@code pugan-meshes/fandisk.off}.)
 */
public final class PuganOfficial {

    /** The upsampling rate of the published outputs: 4. */
    public static final int RATIO = 4;

    private PuganOfficial() {}

    /**
     * Reads one official shape.
     *
     * @param name "fandisk" or "Icosahedron" (see {@link PuProtocol#OFFICIAL_SHAPES})
     * @param seed random seed of the ground-truth sample
     * @return the shape with PU-GAN's output
     * @throws java.nio.file.NoSuchFileException when a file is missing
     * @throws IOException if a file is malformed
     */
    public static OfficialShape load(String name, long seed) throws IOException {
        PointCloudFolder clouds = PointCloudFolder.puganOfficial();
        MeshFolder meshes = MeshFolder.of(clouds.folder(), "off");
        TriangleMesh mesh = meshes.read(name);
        double[] input = clouds.read(name).positions();
        double[] output = clouds.read(name + "_pugan_x4_output").positions();
        long truthSeed = new SplittableRandom(seed).nextLong();
        int truthPoints = Math.multiplyExact(input.length / 3, RATIO);
        double[] truth = PoissonDiskSampler.sample(mesh, truthPoints, truthSeed).points().positions();
        return new OfficialShape(new ShapeSample(name, mesh, input, truth), output);
    }

    /**
     * Reads both official shapes, in the order of {@link PuProtocol#OFFICIAL_SHAPES}.
     *
     * @param seed random seed of the ground-truth samples
     * @return fandisk and Icosahedron
     * @throws IOException if a file is missing or malformed
     */
    public static List<OfficialShape> loadAll(long seed) throws IOException {
        List<OfficialShape> out = new ArrayList<>();
        for (String name : PuProtocol.OFFICIAL_SHAPES) {
            out.add(load(name, seed));
        }
        return out;
    }
}
