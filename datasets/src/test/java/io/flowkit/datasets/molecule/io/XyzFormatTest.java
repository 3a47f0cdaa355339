package io.flowkit.datasets.molecule.io;

import static io.flowkit.datasets.Fixtures.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flowkit.datasets.molecule.Molecule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XyzFormatTest {

    @TempDir
    Path dir;

    static Molecule water() {
        return Molecule.builder().setAtomicNumbers(new int[] {8, 1, 1})
                .setPositions(new double[] {0, 0, 0.1173, 0, 0.7572, -0.4692, 0, -0.7572, -0.4692})
                .optTitle("water, B3LYP geometry").build();
    }

    @Test
    void readsAndWritesMultiFrameGoldenFile() throws IOException {
        List<Molecule> frames = XyzFormat.readAll(golden("water.xyz"));
        assertEquals(2, frames.size());
        assertEquals(water(), frames.get(0));
        assertEquals(0.9, frames.get(1).coordinate(1, 1));
        assertEquals("water, stretched", frames.get(1).title());
        assertFalse(frames.get(0).charge().isPresent());
        XyzFormat.write(dir.resolve("w.xyz"), frames);
        assertArrayEquals(Files.readAllBytes(golden("water.xyz")), Files.readAllBytes(dir.resolve("w.xyz")));
    }

    @Test
    void readsAndWritesExtendedXyz() throws IOException {
        Molecule oh = XyzFormat.read(golden("hydroxyl.extxyz"));
        assertEquals(-1, oh.charge().getAsInt());
        assertEquals(1, oh.multiplicity().getAsInt());
        assertEquals("hydroxide anion", oh.title());
        assertEquals("-75.75", oh.properties().get("energy"));
        assertArrayEquals(new int[] {8, 1}, oh.atomicNumbers());
        XyzFormat.writeExtended(dir.resolve("oh.extxyz"), List.of(oh));
        assertArrayEquals(Files.readAllBytes(golden("hydroxyl.extxyz")), Files.readAllBytes(dir.resolve("oh.extxyz")));
    }

    @Test
    void extendedXyzHonoursThePropertiesColumnsAndQuotedValues() throws IOException {
        Path f = dir.resolve("ase.extxyz");
        Files.writeString(f, "2\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=forces:R:3:Z:I:1:pos:R:3 note=\"a \\\"quoted\\\" word\" pbc=\"F F F\"\n"
                + "0.1 0.2 0.3 6 1.0 2.0 3.0\n-0.1 -0.2 -0.3 8 1.0 2.0 4.2\n");
        Molecule m = XyzFormat.read(f);
        assertArrayEquals(new int[] {6, 8}, m.atomicNumbers());
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 4.2}, m.positions());
        assertEquals("a \"quoted\" word", m.properties().get("note"));
        assertEquals("10 0 0 0 10 0 0 0 10", m.properties().get("Lattice"));
        XyzFormat.writeExtended(dir.resolve("back.extxyz"), List.of(m));
        assertEquals(m, XyzFormat.read(dir.resolve("back.extxyz")));
    }
}
