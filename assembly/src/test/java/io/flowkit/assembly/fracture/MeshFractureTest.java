package io.flowkit.assembly.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeshFractureTest {

    /** The signed volume, computed here independently of the code under test. */
    private static double volume(TriangleMesh m) {
        double[] v = m.vertices();
        int[] f = m.faces();
        double s = 0;
        for (int t = 0; t < m.faceCount(); t++) {
            double[] a = {v[3 * f[3 * t]], v[3 * f[3 * t] + 1], v[3 * f[3 * t] + 2]};
            double[] b = {v[3 * f[3 * t + 1]], v[3 * f[3 * t + 1] + 1], v[3 * f[3 * t + 1] + 2]};
            double[] c = {v[3 * f[3 * t + 2]], v[3 * f[3 * t + 2] + 1], v[3 * f[3 * t + 2] + 2]};
            s += a[0] * (b[1] * c[2] - b[2] * c[1]) + a[1] * (b[2] * c[0] - b[0] * c[2]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
        }
        return s / 6;
    }

    @Test
    void cutsARealMeshIntoClosedPartsThatKeepTheVolume() throws Exception {
        TriangleMesh cow = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve("cow.off"));
        double total = volume(cow);
        for (MeshFracture.Mode mode : MeshFracture.Mode.values()) {
            List<TriangleMesh> parts = MeshFracture.builder().optMode(mode).build().apply(cow, 5, 7);
            assertEquals(5, parts.size());
            double sum = 0;
            double previous = Double.POSITIVE_INFINITY;
            for (TriangleMesh p : parts) {
                double v = volume(p);
                assertTrue(v >= 0.05 * total * 0.999, mode + ": part volume " + v + " of " + total);
                assertTrue(v <= previous + 1e-12, mode + ": parts are not sorted by volume");
                previous = v;
                sum += v;
            }
            assertEquals(total, sum, 1e-6 * Math.abs(total), mode + ": volumes do not add up");
            List<TriangleMesh> again = MeshFracture.builder().optMode(mode).build().apply(cow, 5, 7);
            assertEquals(parts.get(2), again.get(2), mode + ": same seed, other parts");
            for (TriangleMesh p : parts) {
                ClosedMeshes.requireClosed(p, mode + " part");
                assertEquals(1, MeshFracture.components(p));
            }
        }
    }

    @Test
    void rejectsAnOpenMeshAndABadCount() throws Exception {
        TriangleMesh sphere = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve("sphere.off"));
        int[] f = sphere.faces();
        TriangleMesh open = TriangleMesh.of(sphere.vertices(), java.util.Arrays.copyOf(f, f.length - 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeshFracture.builder().build().apply(open, 3, 1, "holey.off"));
        assertTrue(e.getMessage().contains("holey.off") && e.getMessage().contains("not closed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MeshFracture.fracture(sphere, 1, 1));
        assertTrue(e.getMessage().contains("parts is not in [2, 32]: 1"), e.getMessage());
    }
}
