package io.flowkit.datasets.mesh.io;

import static io.flowkit.datasets.Fixtures.golden;
import static io.flowkit.datasets.Fixtures.tetra;
import static io.flowkit.datasets.Fixtures.tetraWithSignal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.io.ply.PlyEncoding;
import io.flowkit.datasets.io.ply.PlyType;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshFormatsTest {

    @TempDir
    Path dir;

    private static TriangleMesh randomMesh(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = r.doubles(3 * 50, -10, 10).toArray();
        int[] f = r.ints(3 * 80, 0, 50).toArray();
        return TriangleMesh.of(v, f).withSignal("field", r.doubles(50).toArray());
    }

    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual.getFileName() + " differs from golden");
    }

    @Test
    void readsGoldenFilesOfEveryFormat() throws IOException {
        assertEquals(tetra(), OffFormat.read(golden("tetra.off")));
        assertEquals(tetraWithSignal(), PlyMeshFormat.read(golden("tetra_ascii.ply")));
        assertEquals(tetraWithSignal(), PlyMeshFormat.read(golden("tetra_binary.ply")));
        TriangleMesh stl = StlFormat.read(golden("tetra_binary.stl"));
        assertEquals(4, stl.vertexCount(), "corners merged");
        assertTriangleCornersEqual(tetra(), stl, 0);
        DmatMatrix ascii = DmatFormat.read(golden("tetra_ascii.dmat"));
        assertEquals(4, ascii.rows());
        assertEquals(3, ascii.cols());
        assertArrayEquals(tetra().vertices(), ascii.rowMajor());
        assertEquals(ascii, DmatFormat.read(golden("tetra_binary.dmat")));
    }

    @Test
    void writesGoldenFilesByteForByte() throws IOException {
        OffFormat.write(dir.resolve("t.off"), tetraWithSignal());
        assertSameBytes(golden("tetra.off"), dir.resolve("t.off"));
        PlyMeshFormat.write(dir.resolve("a.ply"), tetraWithSignal(), PlyEncoding.ASCII, PlyType.DOUBLE);
        assertSameBytes(golden("tetra_ascii.ply"), dir.resolve("a.ply"));
        PlyMeshFormat.write(dir.resolve("b.ply"), tetraWithSignal());
        assertSameBytes(golden("tetra_binary.ply"), dir.resolve("b.ply"));
        StlFormat.write(dir.resolve("t.stl"), tetra());
        assertSameBytes(golden("tetra_binary.stl"), dir.resolve("t.stl"));
        DmatMatrix m = DmatMatrix.ofRowMajor(4, 3, tetra().vertices());
        DmatFormat.writeAscii(dir.resolve("a.dmat"), m);
        assertSameBytes(golden("tetra_ascii.dmat"), dir.resolve("a.dmat"));
        DmatFormat.writeBinary(dir.resolve("b.dmat"), m);
        assertSameBytes(golden("tetra_binary.dmat"), dir.resolve("b.dmat"));
    }

    @Test
    void objIsWrittenAsOneBasedVertexAndFaceLines() throws IOException {
        ObjFormat.write(dir.resolve("t.obj"), tetra());
        String text = Files.readString(dir.resolve("t.obj"));
        assertTrue(text.contains("\nv 1.5 0.0 0.0\n"), text);
        assertTrue(text.contains("\nf 1 3 2\n"), text);
        assertTrue(text.contains("\nf 2 3 4\n"), text);
        assertEquals(tetra(), ObjFormat.read(dir.resolve("t.obj")));
    }

    @Test
    void roundTripsRandomMeshesExactly() throws IOException {
        TriangleMesh m = randomMesh(5);
        TriangleMesh noSignal = TriangleMesh.of(m.vertices(), m.faces());
        for (String ext : new String[] {"off", "obj"}) {
            Path f = dir.resolve("m." + ext);
            MeshFiles.write(f, m);
            assertEquals(noSignal, MeshFiles.read(f), ext);
        }
        MeshFiles.write(dir.resolve("m.ply"), m);
        assertEquals(m, MeshFiles.read(dir.resolve("m.ply")));
        PlyMeshFormat.write(dir.resolve("a.ply"), m, PlyEncoding.ASCII, PlyType.DOUBLE);
        assertEquals(m, PlyMeshFormat.read(dir.resolve("a.ply")));
        StlFormat.writeText(dir.resolve("t.stl"), m);
        TriangleMesh stl = StlFormat.read(dir.resolve("t.stl"));
        assertEquals(m.faceCount(), stl.faceCount());
        assertTriangleCornersEqual(noSignal, stl, 0);
        DmatMatrix d = DmatMatrix.ofRowMajor(50, 3, m.vertices());
        DmatFormat.writeBinary(dir.resolve("m.dmat"), d);
        assertEquals(d, DmatFormat.read(dir.resolve("m.dmat")));
        DmatFormat.writeAscii(dir.resolve("a.dmat"), d);
        assertEquals(d, DmatFormat.read(dir.resolve("a.dmat")));
    }

    @Test
    void floatFormatsRoundToFloat() throws IOException {
        TriangleMesh m = randomMesh(6);
        MeshFiles.write(dir.resolve("m.stl"), m);
        assertTriangleCornersEqual(m, StlFormat.read(dir.resolve("m.stl")), 1e-6);
        PlyMeshFormat.write(dir.resolve("f.ply"), m, PlyEncoding.BINARY_LITTLE_ENDIAN, PlyType.FLOAT);
        TriangleMesh f = PlyMeshFormat.read(dir.resolve("f.ply"));
        double[] a = m.vertices();
        double[] b = f.vertices();
        for (int i = 0; i < a.length; i++) {
            assertEquals((float) a[i], b[i]);
        }
        assertArrayEquals(m.faces(), f.faces());
    }

    /** STL merges corners by position: compare triangle by triangle. */
    private static void assertTriangleCornersEqual(TriangleMesh expected, TriangleMesh actual, double tolerance) {
        for (int t = 0; t < expected.faceCount(); t++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 3; k++) {
                    double e = expected.coordinate(expected.faceVertex(t, c), k);
                    assertEquals(e, actual.coordinate(actual.faceVertex(t, c), k), tolerance * Math.max(1, Math.abs(e)));
                }
            }
        }
    }

    @Test
    void readsPolygonsAsFansAndSkipsComments() throws IOException {
        Path f = dir.resolve("quad.off");
        Files.writeString(f, "# a unit square\nOFF\n4 1 0\n0 0 0\n1 0 0\n1 1 0\n# comment between\n0 1 0\n4 0 1 2 3\n");
        TriangleMesh m = OffFormat.read(f);
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, m.faces());
        assertEquals(1.0, m.surfaceArea(), 1e-15);
    }

    @Test
    void formatByExtensionRejectsUnknownExtensions() {
        assertEquals("unknown mesh extension (expected .off, .ply, .obj or .stl): " + dir.resolve("m.vtk"),
                assertThrows(IllegalArgumentException.class, () -> MeshFiles.read(dir.resolve("m.vtk"))).getMessage());
    }

    @Test
    void writerLeavesNoFileWhenItFails() throws IOException {
        Path target = dir.resolve("clash.ply");
        TriangleMesh bad = tetra().withSignal("x", new double[4]);
        assertThrows(IllegalArgumentException.class, () -> PlyMeshFormat.write(target, bad));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no target and no temporary file left");
        }
    }
}
