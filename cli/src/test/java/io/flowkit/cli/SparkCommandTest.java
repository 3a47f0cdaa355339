package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowkit spark tsgen} and {@code spark upsample} in local mode against the single-process commands. */
class SparkCommandTest {

    @Test
    void sparkTsgenWritesWhatTsgenGenerateWritesAndListsTheBadRecord(@TempDir Path dir) throws Exception {
        List<Reaction> reactions = Grambow842.load().reactions().subList(0, 7);
        List<Molecule> r = new ArrayList<>();
        List<Molecule> p = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            r.add(reactions.get(i).reactant());
            p.add(reactions.get(i == 2 ? 6 : i).product());
        }
        Path rf = dir.resolve("r.sdf");
        Path pf = dir.resolve("p.sdf");
        MoleculeFiles.write(rf, r);
        MoleculeFiles.write(pf, p);
        String single = CliRunner.run("tsgen", "generate", "--reactants", rf.toString(), "--products", pf.toString(),
                "--out", dir.resolve("single.sdf").toString(), "--seed", "2");
        assertTrue(single.startsWith("1\n"), single);
        String spark = CliRunner.run("spark", "tsgen", "--reactants", rf.toString(), "--products", pf.toString(), "--out",
                dir.resolve("spark.sdf").toString(), "--seed", "2", "--master", "local[2]", "--partitions", "2");
        assertTrue(spark.startsWith("1\n"), spark);
        assertTrue(spark.contains("failed: r.sdf + p.sdf record 2"), spark);
        assertTrue(spark.contains("wrote 5 transition states"), spark);
        assertTrue(spark.contains("tasks done"), spark);
        assertEquals(Files.readString(dir.resolve("single.sdf")), Files.readString(dir.resolve("spark.sdf")));
    }

    @Test
    void badOutputsAndSettingsAreRefusedBeforeSparkStarts(@TempDir Path dir) throws Exception {
        Path rf = dir.resolve("r.sdf");
        MoleculeFiles.write(rf, List.of(Grambow842.load().reactions().get(0).reactant()));
        String pdb = CliRunner.run("spark", "tsgen", "--reactants", rf.toString(), "--products", rf.toString(), "--out",
                dir.resolve("ts.pdb").toString());
        assertTrue(pdb.startsWith("1\n") && pdb.contains("ts.pdb: unknown molecule format"), pdb);
        assertFalse(pdb.contains("started"), pdb);
        String ratio = CliRunner.run("spark", "upsample", "--in", dir.toString(), "--out", dir.resolve("d").toString(),
                "--ratio", "64");
        assertTrue(ratio.startsWith("1\n") && ratio.contains("ratio is not in 2..16: 64"), ratio);
        String empty = CliRunner.run("spark", "upsample", "--in", dir.toString(), "--out", dir.resolve("d").toString());
        assertTrue(empty.startsWith("1\n") && empty.contains("holds no point cloud"), empty);
    }

    @Test
    void sparkUpsampleWritesEachCloudOfAFolder(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(DataLocation.dataset("pointclouds/pugan-official").resolve("fandisk.xyz"), in.resolve("fandisk.xyz"));
        String single = CliRunner.run("upsample", "--in", in.resolve("fandisk.xyz").toString(), "--out",
                dir.resolve("single.xyz").toString(), "--seed", "1");
        assertTrue(single.startsWith("0\n"), single);
        String spark = CliRunner.run("spark", "upsample", "--in", in.toString(), "--out", dir.resolve("out").toString(),
                "--seed", "1", "--master", "local[1]");
        assertTrue(spark.startsWith("0\n"), spark);
        assertTrue(spark.contains("wrote 1 cloud (x4)"), spark);
        assertEquals(Files.readString(dir.resolve("single.xyz")), Files.readString(dir.resolve("out/fandisk.xyz")));
    }
}
