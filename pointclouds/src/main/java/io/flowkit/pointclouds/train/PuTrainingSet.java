package io.flowkit.pointclouds.train;

import io.flowkit.datasets.catalog.PointCloudFolder;
import io.flowkit.pointclouds.data.PatchPairs;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.data.UpsamplingPatch;
import io.flowkit.pointclouds.model.PufmConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The stage-1 training patches from the shared data: the training meshes of {@code pugan-meshes}
 * and of {@code meshes/cgal} ({@link PuProtocol#CGAL_TRAIN_MESHES}), sampled by the PU-GAN protocol
 * ({@link PuProtocol}: Poisson-disk 2,048-point inputs and {@code 2,048·r}-point ground truth), and
 * the training clouds of {@code punet-mc5k} (sparse input by farthest-point sampling, the cloud as
 * truth). Test shapes, the official shapes and the unseen CGAL shapes never enter.
 */
public final class PuTrainingSet {

    private PuTrainingSet() {}

    /**
     * Builds the patches (shapes in parallel; the result depends only on the seed).
     *
     * @param config the model configuration (ratio, patch size)
     * @param patchesPerMesh patches cut from each training mesh
     * @param patchesPerCloud patches cut from each training cloud, 0 to leave the clouds out
     * @param seed the seed of sampling and patch seeds
     * @return the patches: PU-GAN meshes, then CGAL meshes, then clouds
     * @throws UncheckedIOException if a data file cannot be read (named in the message)
     */
    public static List<TrainingPatch> build(PufmConfig config, int patchesPerMesh, int patchesPerCloud, long seed) {
        List<String> meshes = new ArrayList<>(PuProtocol.TRAIN_MESHES);
        int pugan = meshes.size();
        meshes.addAll(PuProtocol.CGAL_TRAIN_MESHES);
        List<String> clouds = patchesPerCloud == 0 ? List.of() : PuProtocol.TRAIN_CLOUDS;
        int total = meshes.size() + clouds.size();
        List<List<TrainingPatch>> parts = IntStream.range(0, total).parallel().mapToObj(i -> {
            try {
                List<UpsamplingPatch> patches;
                if (i < meshes.size()) {
                    ShapeSample shape = i < pugan ? PuProtocol.load(meshes.get(i), config.ratio(), seed + i)
                            : PuProtocol.loadCgal(meshes.get(i), config.ratio(), seed + i);
                    patches = PatchPairs.build(shape, config.patchSize(), config.ratio(), patchesPerMesh, seed + i);
                } else {
                    String name = clouds.get(i - meshes.size());
                    patches = PatchPairs.fromCloud(name, PointCloudFolder.punetMc5k().read(name), config.patchSize(),
                            config.ratio(), patchesPerCloud, seed + i);
                }
                List<TrainingPatch> out = new ArrayList<>(patches.size());
                for (UpsamplingPatch p : patches) {
                    out.add(new TrainingPatch(p.interpolated(), p.truth()));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }).toList();
        List<TrainingPatch> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }

    /**
     * @param patchesPerMesh patches per training mesh
     * @param patchesPerCloud patches per training cloud, 0 for none
     * @param seed the seed
     * @return a description for provenance
     */
    public static String describe(int patchesPerMesh, int patchesPerCloud, long seed) {
        return "pointclouds/pugan-meshes train split (" + PuProtocol.TRAIN_MESHES.size() + " meshes) + meshes/cgal ("
                + PuProtocol.CGAL_TRAIN_MESHES.size() + " meshes), " + patchesPerMesh
                + " patches per mesh, PU-GAN protocol, midpoint interpolation without gap-bridging pairs"
                + (patchesPerCloud == 0 ? "" : " + pointclouds/punet-mc5k (" + PuProtocol.TRAIN_CLOUDS.size()
                        + " clouds × " + patchesPerCloud + " patches)") + ", seed " + seed;
    }
}
