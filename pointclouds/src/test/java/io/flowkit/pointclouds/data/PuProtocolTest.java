package io.flowkit.pointclouds.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.catalog.PointCloudFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.validation.pointcloud.Surface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PuProtocolTest {

    @Test
    void theSplitCoversThe15MeshesAndHoldsOutEveryEvaluatedShape() throws IOException {
        List<String> all = new ArrayList<>(PuProtocol.TRAIN_MESHES);
        all.addAll(PuProtocol.TEST_MESHES);
        all.sort(null);
        assertEquals(MeshFolder.puganMeshes().names(), all, "train and test partition pugan-meshes");
        assertEquals(4, PuProtocol.TEST_MESHES.size());
        assertTrue(PuProtocol.TEST_MESHES.contains("fandisk"), "the official fandisk is a test shape");
        Set<String> official = new HashSet<>(PointCloudFolder.puganOfficial().names());
        for (String name : PuProtocol.OFFICIAL_SHAPES) {
            assertTrue(official.contains(name), name);
            assertFalse(PuProtocol.trainable(name), name);
        }
        List<String> clouds = PointCloudFolder.punetMc5k().names();
        assertTrue(clouds.containsAll(PuProtocol.TRAIN_CLOUDS));
        for (String cloud : clouds) {
            assertEquals(PuProtocol.trainable(cloud), PuProtocol.TRAIN_CLOUDS.contains(cloud),
                    cloud + ": a PU-Net cloud is trained on exactly when its shape is not held out");
        }
        for (String mesh : PuProtocol.TRAIN_MESHES) {
            assertTrue(PuProtocol.trainable(mesh), mesh);
        }
        assertFalse(PuProtocol.trainable("icosahedron"));
    }

    @Test
    void theCgalTrainingMeshesExistAndHoldOutTheTestAndUnseenShapes() throws IOException {
        List<String> cgal = MeshFolder.cgal().names();
        assertTrue(cgal.containsAll(PuProtocol.CGAL_TRAIN_MESHES));
        assertTrue(cgal.containsAll(PuProtocol.CGAL_UNSEEN_MESHES));
        for (String name : PuProtocol.CGAL_TRAIN_MESHES) {
            assertTrue(PuProtocol.trainable(name), name);
        }
        for (String name : List.of("cow", "fandisk", "fandisk_large", "hand", "knot2", "triceratops")) {
            assertFalse(PuProtocol.trainable(name), name);
            assertFalse(PuProtocol.CGAL_TRAIN_MESHES.contains(name), name);
        }
        assertEquals(19, PuProtocol.CGAL_TRAIN_MESHES.size());
    }

    @Test
    void samplesSeededPoissonDiskInputAndTruthOnTheMesh() throws IOException {
        TriangleMesh mesh = MeshFolder.puganMeshes().read("m355");
        ShapeSample s = PuProtocol.sample("m355", mesh, 512, 4, 3);
        assertEquals(512, s.inputSize());
        assertEquals(2048, s.truthSize());
        assertArrayEquals(s.input(), PuProtocol.sample("m355", mesh, 512, 4, 3).input(), 0.0, "seeded");
        assertFalse(java.util.Arrays.equals(s.input(), PuProtocol.sample(mesh, 512, 4, 4).input()), "another seed");
        Surface surface = Surface.of(mesh);
        for (double d : surface.distances(s.input())) {
            assertTrue(d < 1e-9, "input on the surface: " + d);
        }
        for (double d : surface.distances(s.truth())) {
            assertTrue(d < 1e-9, "truth on the surface: " + d);
        }
        // The input and the truth are independent samples, not one a subset of the other.
        Set<List<Double>> truth = new HashSet<>();
        double[] t = s.truth();
        for (int i = 0; i < s.truthSize(); i++) {
            truth.add(List.of(t[3 * i], t[3 * i + 1], t[3 * i + 2]));
        }
        double[] in = s.input();
        int shared = 0;
        for (int i = 0; i < s.inputSize(); i++) {
            shared += truth.contains(List.of(in[3 * i], in[3 * i + 1], in[3 * i + 2])) ? 1 : 0;
        }
        assertEquals(0, shared);
    }

    @Test
    void theProtocolSizesAre2048And8192() throws IOException {
        ShapeSample cow = PuProtocol.load("cow", 4, 1);
        assertEquals("cow", cow.name());
        assertEquals(2048, cow.inputSize());
        assertEquals(8192, cow.truthSize());
        assertEquals("ratio is less than 2: 1",
                assertThrows(IllegalArgumentException.class, () -> PuProtocol.sample(cow.mesh(), 2048, 1, 1)).getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> PuProtocol.load("Icosahedron", 4, 1),
                "Icosahedron is not among the pugan-meshes");
    }
}
