package io.flowkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** The spark-submit entry point: its usage errors, and one job in the session it is given. */
class SubmitMainTest {

    @Test
    void usageErrorsNameTheProblem() {
        assertTrue(message().startsWith("the first argument is tsgen or upsample"));
        assertTrue(message("tsgen", "--resolution", "3").startsWith("unknown option --resolution (known: --conformers,"));
        assertEquals("--out needs a value", message("tsgen", "--out"));
        assertEquals("--in is required", message("upsample", "--out", "x"));
    }

    @Test
    void runsTheTsgenJobInTheSessionSparkSubmitConfigures(@TempDir Path dir) throws Exception {
        List<Reaction> reactions = Grambow842.load().reactions().subList(0, 3);
        List<Molecule> r = new ArrayList<>();
        List<Molecule> p = new ArrayList<>();
        for (Reaction x : reactions) {
            r.add(x.reactant());
            p.add(x.product());
        }
        MoleculeFiles.write(dir.resolve("r.xyz"), r);
        MoleculeFiles.write(dir.resolve("p.xyz"), p);
        String before = System.getProperty("spark.master");
        System.setProperty("spark.master", "local[1]");
        try {
            assertEquals(0, SubmitMain.run(new String[] {"tsgen", "--reactants", dir.resolve("r.xyz").toString(),
                "--products", dir.resolve("p.xyz").toString(), "--out", dir.resolve("ts.xyz").toString()}));
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
        assertEquals(3, MoleculeFiles.readAll(dir.resolve("ts.xyz")).size());
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> SubmitMain.run(args)).getMessage();
    }
}
