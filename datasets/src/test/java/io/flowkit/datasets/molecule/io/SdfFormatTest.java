package io.flowkit.datasets.molecule.io;

import static io.flowkit.datasets.Fixtures.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowkit.datasets.molecule.Bond;
import io.flowkit.datasets.molecule.Molecule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscience.cdk.interfaces.IAtomContainer;

class SdfFormatTest {

    @TempDir
    Path dir;

    @Test
    void readsGoldenRecordsWithChargesRadicalsBondsAndData() throws IOException {
        List<Molecule> ms = SdfFormat.readAll(golden("two.sdf"));
        assertEquals(2, ms.size());
        Molecule oh = ms.get(0);
        assertEquals("hydroxide", oh.title());
        assertEquals(-1, oh.charge().getAsInt());
        assertEquals(1, oh.multiplicity().getAsInt());
        assertEquals("test fixture", oh.properties().get("source"));
        assertEquals(List.of(new Bond(0, 1, 1)), oh.bonds());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0.97}, oh.positions());
        Molecule methyl = ms.get(1);
        assertEquals(0, methyl.charge().getAsInt());
        assertEquals(2, methyl.multiplicity().getAsInt());
        assertEquals("CH3", methyl.formula());
        assertEquals(0.0, methyl.coordinate(1, 2), "all-zero z stays 3D");
    }

    @Test
    void roundTripsThroughSdfAndCdkContainers() throws IOException {
        List<Molecule> ms = SdfFormat.readAll(golden("two.sdf"));
        SdfFormat.write(dir.resolve("out.sdf"), ms);
        List<Molecule> back = SdfFormat.readAll(dir.resolve("out.sdf"));
        assertEquals(ms.size(), back.size());
        for (int i = 0; i < ms.size(); i++) {
            Molecule a = ms.get(i);
            Molecule b = back.get(i);
            assertArrayEquals(a.atomicNumbers(), b.atomicNumbers());
            assertArrayEquals(a.positions(), b.positions(), 1e-4);
            assertEquals(a.charge(), b.charge());
            assertEquals(a.multiplicity(), b.multiplicity());
            assertEquals(a.bonds(), b.bonds());
            assertEquals(a.title(), b.title());
        }
        IAtomContainer c = CdkMolecules.toAtomContainer(ms.get(1));
        assertEquals(4, c.getAtomCount());
        assertEquals(3, c.getBondCount());
        assertEquals(ms.get(1), CdkMolecules.fromAtomContainer(c));
    }

    @Test
    void theSameMoleculesGiveTheSameFileWithAnUndatedHeader() throws IOException {
        List<Molecule> ms = SdfFormat.readAll(golden("two.sdf"));
        SdfFormat.write(dir.resolve("a.sdf"), ms);
        String a = java.nio.file.Files.readString(dir.resolve("a.sdf"));
        // The header line of each record: program name, blank date, dimension code.
        List<String> headers = new java.util.ArrayList<>();
        String[] lines = a.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i == 0 || lines[i - 1].startsWith("$$$$")) {
                headers.add(lines[i + 1]);
            }
        }
        assertEquals(2, headers.size());
        for (String h : headers) {
            assertEquals("  CDK               3D", h.stripTrailing());
        }
        assertEquals("x\n  CDK               3D\n\n$$$$\nt\n  CDK     \n",
                SdfFormat.withoutDates("x\n  CDK     12062618353D\n\n$$$$\nt\n  CDK     \n"));
        assertEquals(ms, SdfFormat.readAll(dir.resolve("a.sdf")));
    }

    @Test
    void writesMoleculesWithoutBondsOrCharge() throws IOException {
        Molecule bare = Molecule.of(new int[] {6, 8}, new double[] {0, 0, 0, 1.128, 0, 0});
        SdfFormat.write(dir.resolve("co.mol"), List.of(bare));
        Molecule back = SdfFormat.read(dir.resolve("co.mol"));
        assertArrayEquals(bare.positions(), back.positions(), 1e-4);
        assertEquals(0, back.bonds().size());
    }
}
