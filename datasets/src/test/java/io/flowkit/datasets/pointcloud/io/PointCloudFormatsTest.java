package io.flowkit.datasets.pointcloud.io;

import static io.flowkit.datasets.Fixtures.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.PointCloudFolder;
import io.flowkit.datasets.io.ply.PlyEncoding;
import io.flowkit.datasets.io.ply.PlyType;
import io.flowkit.datasets.pointcloud.PointCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointCloudFormatsTest {

    static final double[] POSITIONS = {0, 0.5, -1, 1.25, 2, 3, -0.125, 0, 1e-4};
    static final double[] NORMALS = {0, 0, 1, 1, 0, 0, 0, -1, 0};

    @TempDir
    Path dir;

    @Test
    void readsAndWritesGoldenXyzFiles() throws IOException {
        assertEquals(PointCloud.of(POSITIONS), XyzCloudFormat.read(golden("cloud3.xyz")));
        assertEquals(PointCloud.of(POSITIONS, NORMALS), XyzCloudFormat.read(golden("cloud6.xyz")));
        XyzCloudFormat.write(dir.resolve("a.xyz"), PointCloud.of(POSITIONS));
        assertArrayEquals(Files.readAllBytes(golden("cloud3.xyz")), Files.readAllBytes(dir.resolve("a.xyz")));
        PointCloudFiles.write(dir.resolve("b.xyz"), PointCloud.of(POSITIONS, NORMALS));
        assertArrayEquals(Files.readAllBytes(golden("cloud6.xyz")), Files.readAllBytes(dir.resolve("b.xyz")));
    }

    @Test
    void readsAFloatPlyWithNormals() throws IOException {
        PointCloud c = PlyCloudFormat.read(golden("cloud_float.ply"));
        assertArrayEquals(NORMALS, c.normals().orElseThrow());
        double[] p = c.positions();
        for (int i = 0; i < p.length; i++) {
            assertEquals((float) POSITIONS[i], p[i]);
        }
    }

    @Test
    void roundTripsPlyInEveryEncodingAndType() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        PointCloud cloud = PointCloud.of(r.doubles(3000).toArray(), r.doubles(3000).toArray());
        for (PlyEncoding e : new PlyEncoding[] {PlyEncoding.ASCII, PlyEncoding.BINARY_LITTLE_ENDIAN}) {
            Path f = dir.resolve(e + ".ply");
            PlyCloudFormat.write(f, cloud, e, PlyType.DOUBLE);
            assertEquals(cloud, PointCloudFiles.read(f), e.toString());
            PlyCloudFormat.write(f, cloud.withoutNormals(), e, PlyType.FLOAT);
            PointCloud back = PlyCloudFormat.read(f);
            assertFalse(back.hasNormals());
            for (int i = 0; i < 3000; i++) {
                assertEquals((float) cloud.coordinate(i / 3, i % 3), back.coordinate(i / 3, i % 3));
            }
        }
        PointCloudFiles.write(dir.resolve("c.xyz"), cloud);
        assertEquals(cloud, PointCloudFiles.read(dir.resolve("c.xyz")));
    }

    @Test
    void readsTheRealPointCloudSets() throws IOException {
        PointCloudFolder punet = PointCloudFolder.punetMc5k();
        assertEquals(15, punet.names().size());
        for (String name : punet.names()) {
            PointCloud c = punet.read(name);
            assertEquals(5000, c.size(), name);
            assertTrue(c.hasNormals(), name);
        }
        PointCloudFolder official = PointCloudFolder.puganOfficial();
        assertEquals(2048, official.read("fandisk").size());
        assertEquals(8192, official.read("fandisk_pugan_x4_output").size());
        assertFalse(official.read("Icosahedron").hasNormals());
    }
}
