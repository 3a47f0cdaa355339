package io.flowkit.datasets.io.ply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.PlyMeshFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlyReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsBigEndianBodiesOtherElementsAndSizedTypeNames() throws IOException {
        String header = "ply\nformat binary_big_endian 1.0\ncomment made in a test\nelement vertex 4\n"
                + "property float32 x\nproperty float32 y\nproperty float32 z\nproperty uint8 red\n"
                + "element edge 1\nproperty int vertex1\nproperty int vertex2\n"
                + "element face 1\nproperty list uint8 int32 vertex_indices\nend_header\n";
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.BIG_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        float[][] v = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
        for (int i = 0; i < 4; i++) {
            b.putFloat(v[i][0]).putFloat(v[i][1]).putFloat(v[i][2]).put((byte) (200 + i));
        }
        b.putInt(0).putInt(2);
        b.put((byte) 4).putInt(0).putInt(1).putInt(2).putInt(3);
        Path f = dir.resolve("be.ply");
        Files.write(f, java.util.Arrays.copyOf(b.array(), b.position()));
        PlyData data = PlyReader.read(f);
        assertEquals(PlyEncoding.BINARY_BIG_ENDIAN, data.encoding());
        assertEquals("made in a test", data.comments().get(0));
        assertArrayEquals(new double[] {2}, data.element("edge").orElseThrow().scalar("vertex2"));
        TriangleMesh m = PlyMeshFormat.read(f);
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, m.faces(), "the quad is split into a fan");
        assertArrayEquals(new double[] {200, 201, 202, 203}, m.signal("red"), "unsigned bytes");
        assertEquals(1.0, m.surfaceArea(), 1e-12);
    }
}
