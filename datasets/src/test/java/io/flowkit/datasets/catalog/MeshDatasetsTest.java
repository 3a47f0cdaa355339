package io.flowkit.datasets.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeshDatasetsTest {

    /** V − E + F; 2 for a closed genus-0 surface. */
    static int eulerCharacteristic(TriangleMesh m) {
        Set<Long> edges = new HashSet<>();
        int[] f = m.faces();
        for (int i = 0; i < f.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                long a = f[i + k];
                long b = f[i + (k + 1) % 3];
                edges.add(Math.min(a, b) << 32 | Math.max(a, b));
            }
        }
        return m.vertexCount() - edges.size() + m.faceCount();
    }

    @Test
    void bunnyTriangulationsAreClosedGenusZeroInOneFrame() throws IOException {
        MeshFolder bunnies = MeshFolder.bunnyTriangulations();
        assertEquals(List.of("bunny_10k", "bunny_70k", "bunny_mixed"), bunnies.names());
        int[] vertices = {4759, 34832, 20051};
        double area0 = -1;
        for (int i = 0; i < 3; i++) {
            TriangleMesh m = bunnies.read(bunnies.names().get(i));
            assertEquals(vertices[i], m.vertexCount());
            assertEquals(2, eulerCharacteristic(m), bunnies.names().get(i));
            double area = m.surfaceArea();
            if (area0 < 0) {
                area0 = area;
            }
            assertEquals(area0, area, 0.02 * area0, "same surface, same frame");
        }
    }

    @Test
    void cgalMeshesReadIncludingCommentedHeaders() throws IOException {
        MeshFolder cgal = MeshFolder.cgal();
        assertEquals(30, cgal.names().size()); // 15 more closed meshes since 2026-12 (bones, knots, a man, parts)
        for (String name : cgal.names()) {
            TriangleMesh m = cgal.read(name);
            assertTrue(m.faceCount() > 0, name);
        }
        TriangleMesh sphere = cgal.read("sphere966");
        assertEquals(926, sphere.vertexCount());
        assertEquals(1848, sphere.faceCount());
        assertEquals(2, eulerCharacteristic(sphere));
        TriangleMesh elephant = cgal.read("elephant");
        TriangleMesh refined = cgal.read("refined_elephant");
        assertEquals(44460, refined.vertexCount());
        assertEquals(elephant.surfaceArea(), refined.surfaceArea(), 0.05 * elephant.surfaceArea());
    }

    @Test
    void puganMeshesAreInTheUnitSphereFrame() throws IOException {
        MeshFolder pugan = MeshFolder.puganMeshes();
        assertEquals(15, pugan.names().size());
        for (String name : pugan.names()) {
            TriangleMesh m = pugan.read(name);
            double[] v = m.vertices();
            double maxNorm = 0;
            for (int i = 0; i < v.length; i += 3) {
                maxNorm = Math.max(maxNorm, Math.sqrt(v[i] * v[i] + v[i + 1] * v[i + 1] + v[i + 2] * v[i + 2]));
            }
            assertTrue(maxNorm > 0.5 && maxNorm < 1.5, name + " radius " + maxNorm);
        }
    }

    @Test
    void faustRemeshingsMapEveryVertexToTheTemplate() throws IOException {
        FaustRemeshed faust = FaustRemeshed.load();
        for (String shape : FaustRemeshed.SHAPES) {
            double area = -1;
            for (String remeshing : FaustRemeshed.REMESHINGS) {
                FaustRemeshed.Shape s = faust.read(shape, remeshing);
                assertEquals(s.mesh().vertexCount(), s.templateIndex().length);
                for (int t : s.templateIndex()) {
                    assertTrue(t >= 0 && t < 6890, "FAUST template has 6,890 vertices: " + t);
                }
                double a = s.mesh().surfaceArea();
                area = area < 0 ? a : area;
                assertEquals(area, a, 0.05 * area, shape + " " + remeshing + ": same body, same area");
            }
        }
        assertEquals(6742, faust.read("080", "iso").mesh().vertexCount());
    }
}
