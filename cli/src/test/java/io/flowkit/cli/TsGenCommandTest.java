package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowkit tsgen generate} and {@code evaluate} on real Grambow reactions, and their bad-input paths. */
class TsGenCommandTest {

    private static String run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void generatesAndEvaluatesTransitionStatesForRealReactions(@TempDir Path dir) throws Exception {
        List<Reaction> reactions = Grambow842.load().reactions().subList(0, 4);
        List<Molecule> r = new ArrayList<>();
        List<Molecule> p = new ArrayList<>();
        List<Molecule> ts = new ArrayList<>();
        for (Reaction x : reactions) {
            r.add(x.reactant());
            p.add(x.product());
            ts.add(x.transitionState().orElseThrow());
        }
        MoleculeFiles.write(dir.resolve("r.sdf"), r);
        MoleculeFiles.write(dir.resolve("p.xyz"), p);
        MoleculeFiles.write(dir.resolve("ref.sdf"), ts);
        String generate = run("tsgen", "generate", "--reactants", dir.resolve("r.sdf").toString(), "--products",
                dir.resolve("p.xyz").toString(), "--out", dir.resolve("out.sdf").toString(), "--samples", "2", "--seed", "3");
        assertTrue(generate.startsWith("0\n"), generate);
        assertTrue(generate.contains("wrote 4 transition states"), generate);
        List<Molecule> written = MoleculeFiles.readAll(dir.resolve("out.sdf"));
        assertEquals(4, written.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(r.get(i).atomCount(), written.get(i).atomCount());
        }
        String evaluate = run("tsgen", "evaluate", "--reference", dir.resolve("ref.sdf").toString(), "--generated",
                dir.resolve("out.sdf").toString());
        assertTrue(evaluate.startsWith("0\n"), evaluate);
        assertTrue(evaluate.contains("median"), evaluate);
    }

    @Test
    void mismatchedFilesAndBadRecordsAreReported(@TempDir Path dir) throws Exception {
        List<Reaction> reactions = Grambow842.load().reactions().subList(0, 3);
        List<Molecule> r = new ArrayList<>();
        List<Molecule> p = new ArrayList<>();
        for (Reaction x : reactions) {
            r.add(x.reactant());
            p.add(x.product());
        }
        MoleculeFiles.write(dir.resolve("r.sdf"), r);
        MoleculeFiles.write(dir.resolve("p2.sdf"), p.subList(0, 2));
        String counts = run("tsgen", "generate", "--reactants", dir.resolve("r.sdf").toString(), "--products",
                dir.resolve("p2.sdf").toString(), "--out", dir.resolve("out.sdf").toString());
        assertTrue(counts.startsWith("1\n"), counts);
        assertTrue(counts.contains("holds 3 molecules but") && counts.contains("holds 2"), counts);
        // Record 1's product has its first two atoms swapped: a different element order.
        List<Molecule> swapped = new ArrayList<>(p);
        Molecule m = p.get(1);
        int[] z = m.atomicNumbers();
        int first = 0;
        int other = 1;
        while (z[other] == z[first]) {
            other++;
        }
        int tmp = z[first];
        z[first] = z[other];
        z[other] = tmp;
        swapped.set(1, Molecule.of(z, m.positions()));
        MoleculeFiles.write(dir.resolve("p.sdf"), swapped);
        String bad = run("tsgen", "generate", "--reactants", dir.resolve("r.sdf").toString(), "--products",
                dir.resolve("p.sdf").toString(), "--out", dir.resolve("out.xyz").toString(), "--solver", "rk4", "--steps", "5");
        assertTrue(bad.startsWith("1\n"), bad);
        assertTrue(bad.contains("failed: r.sdf + p.sdf record 1 ("), bad);
        assertEquals(2, MoleculeFiles.readAll(dir.resolve("out.xyz")).size(), "the good records are still written");
        String missing = run("tsgen", "generate", "--reactants", dir.resolve("none.sdf").toString(), "--products",
                dir.resolve("p.sdf").toString(), "--out", dir.resolve("x.sdf").toString());
        assertTrue(missing.startsWith("1\n") && missing.contains("none.sdf: molecule file not found"), missing);
        java.nio.file.Files.write(dir.resolve("binary.sdf"), new byte[] {(byte) 0xc3, 0x28, 0, (byte) 0xff, 1, 2, 3});
        String binary = run("tsgen", "generate", "--reactants", dir.resolve("binary.sdf").toString(), "--products",
                dir.resolve("p.sdf").toString(), "--out", dir.resolve("x.sdf").toString());
        assertTrue(binary.startsWith("1\n") && binary.contains("binary.sdf") && binary.contains("not a UTF-8 text file"),
                binary);
    }

    @Test
    void aHugeCoordinateFailsItsRecordOnlyAndAnOutputIsNeverReplacedByNothing(@TempDir Path dir) throws Exception {
        List<Reaction> reactions = Grambow842.load().reactions().subList(0, 3);
        List<Molecule> r = new ArrayList<>();
        List<Molecule> p = new ArrayList<>();
        for (Reaction x : reactions) {
            r.add(x.reactant());
            p.add(x.product());
        }
        double[] far = p.get(1).positions();
        far[3] = 1e5;
        p.set(1, p.get(1).withPositions(far));
        MoleculeFiles.write(dir.resolve("r.sdf"), r);
        MoleculeFiles.write(dir.resolve("p.xyz"), p);
        String out = run("tsgen", "generate", "--reactants", dir.resolve("r.sdf").toString(), "--products",
                dir.resolve("p.xyz").toString(), "--out", dir.resolve("ts.sdf").toString());
        assertTrue(out.startsWith("1\n"), out);
        assertTrue(out.contains("failed: r.sdf + p.xyz record 1 (") && out.contains("atom 1 of the product"), out);
        assertEquals(2, MoleculeFiles.readAll(dir.resolve("ts.sdf")).size(), "the good records are written");

        // Every record fails: the existing output stays as it was.
        byte[] before = java.nio.file.Files.readAllBytes(dir.resolve("ts.sdf"));
        MoleculeFiles.write(dir.resolve("p1.xyz"), List.of(p.get(1)));
        MoleculeFiles.write(dir.resolve("r1.sdf"), List.of(r.get(1)));
        String none = run("tsgen", "generate", "--reactants", dir.resolve("r1.sdf").toString(), "--products",
                dir.resolve("p1.xyz").toString(), "--out", dir.resolve("ts.sdf").toString());
        assertTrue(none.startsWith("1\n") && none.contains("was not written"), none);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, java.nio.file.Files.readAllBytes(dir.resolve("ts.sdf")));
    }

    @Test
    void refinesWithXtbOnRequest(@TempDir Path dir) throws Exception {
        if (!io.flowkit.validation.molecule.energy.XtbCalculator.isAvailable()) {
            org.junit.jupiter.api.Assumptions.assumeTrue("1".equals(System.getenv("FLOWKIT_SKIP_XTB")),
                    "xtb is not installed (apt-get install -y xtb); set FLOWKIT_SKIP_XTB=1 to skip");
            org.junit.jupiter.api.Assertions.fail("xtb is not installed");
        }
        List<Reaction> reactions = Grambow842.load().reactions().subList(0, 2);
        MoleculeFiles.write(dir.resolve("r.sdf"), reactions.stream().map(Reaction::reactant).toList());
        MoleculeFiles.write(dir.resolve("p.sdf"), reactions.stream().map(Reaction::product).toList());
        String plain = run("tsgen", "generate", "--reactants", dir.resolve("r.sdf").toString(), "--products",
                dir.resolve("p.sdf").toString(), "--out", dir.resolve("flow.xyz").toString());
        String refined = run("tsgen", "generate", "--reactants", dir.resolve("r.sdf").toString(), "--products",
                dir.resolve("p.sdf").toString(), "--out", dir.resolve("refined.xyz").toString(), "--refine", "xtb");
        assertTrue(plain.startsWith("0\n") && refined.startsWith("0\n"), plain + refined);
        List<Molecule> a = MoleculeFiles.readAll(dir.resolve("flow.xyz"));
        List<Molecule> b = MoleculeFiles.readAll(dir.resolve("refined.xyz"));
        assertEquals(2, b.size());
        var xtb = io.flowkit.validation.molecule.energy.XtbCalculator.builder().build();
        for (int i = 0; i < 2; i++) {
            // Each structure is either refined (lower xTB energy) or kept and said so.
            double before = xtb.singlePoint(a.get(i)).energyKcalPerMol();
            double after = xtb.singlePoint(b.get(i)).energyKcalPerMol();
            assertTrue(after < before - 0.5 || refined.contains("not refined: r.sdf + p.sdf record " + i),
                    "record " + i + ": " + before + " -> " + after + "\n" + refined);
        }
        String wrong = run("tsgen", "generate", "--reactants", dir.resolve("r.sdf").toString(), "--products",
                dir.resolve("p.sdf").toString(), "--out", dir.resolve("x.xyz").toString(), "--refine", "dft");
        assertTrue(wrong.startsWith("1\n") && wrong.contains("--refine takes xtb"), wrong);
    }

    @Test
    void generatesFromReactionSmilesAndReportsEachFailureByLineAndStage(@TempDir Path dir) throws Exception {
        Path smiles = dir.resolve("reactions.smi");
        java.nio.file.Files.writeString(smiles, String.join("\n",
                "# RDB7 5098 (isocyanide), RDB7 0 (xtb closes the product's ring again), an unmapped reaction",
                "[O:1]([C:2]([C:3]#[N:4])([H:6])[H:7])[H:5]>>[O:1]([C:2]([N+:4]#[C-:3])([H:6])[H:7])[H:5]\trdb7-5098",
                "[C:1]([c:2]1[n:3][o:4][n:5][n:6]1)([H:7])([H:8])[H:9]>>[C:1]([C:2]([N:3]=[O:4])=[N+:6]=[N-:5])([H:7])([H:8])[H:9] rdb7-0",
                "CCO>>CC=O", ""));
        Path out = dir.resolve("ts.sdf");
        String r = CliRunner.run("tsgen", "generate", "--smiles", smiles.toString(), "--conformers", "2", "--out", out.toString());
        assertTrue(r.startsWith("1\n"), r);
        assertTrue(r.contains("reactions.smi line 3 (rdb7-0): xtb optimisation:"), r);
        assertTrue(r.contains("reactions.smi line 4: parse: atom 1 (C) of the reactants has no map number"), r);
        assertTrue(r.contains("2 of 3 reactions failed (listed on stderr); by stage: parse 1, xtb optimisation 1"), r);
        java.util.List<Molecule> written = MoleculeFiles.readAll(out);
        assertEquals(1, written.size());
        // Atom k is map number k + 1: O, C, C, N, then the hydrogens.
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {8, 6, 6, 7, 1, 1, 1}, written.get(0).atomicNumbers());
        assertTrue(written.get(0).title().contains("rdb7-5098"), written.get(0).title());
        String both = CliRunner.run("tsgen", "generate", "--smiles", smiles.toString(), "--reactants", smiles.toString(),
                "--out", out.toString());
        assertTrue(both.startsWith("1\n") || both.startsWith("2\n"), both);
        assertTrue(both.contains("either --smiles or --reactants"), both);
        String pdb = CliRunner.run("tsgen", "generate", "--smiles", smiles.toString(), "--out", dir.resolve("ts.pdb").toString());
        assertTrue(pdb.contains("unknown molecule format"), pdb);
    }
}
