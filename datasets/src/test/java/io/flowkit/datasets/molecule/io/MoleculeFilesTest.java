package io.flowkit.datasets.molecule.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output check that commands run before any work. */
class MoleculeFilesTest {

    @TempDir
    Path dir;

    @Test
    void outputPathsAreCheckedBeforeAnyWork() {
        MoleculeFiles.checkWritable(dir.resolve("ts.sdf"));
        MoleculeFiles.checkWritable(dir.resolve("ts.XYZ"));
        assertTrue(message(dir.resolve("ts.pdb")).contains("unknown molecule format (expected .sdf, .sd, .mol, .xyz or .extxyz)"));
        assertTrue(message(dir.resolve("none").resolve("ts.sdf")).contains("does not exist"));
        Path folder = dir.resolve("out.sdf");
        assertTrue(folder.toFile().mkdir());
        assertTrue(message(folder).contains("is a folder"));
    }

    private static String message(Path p) {
        return assertThrows(IllegalArgumentException.class, () -> MoleculeFiles.checkWritable(p)).getMessage();
    }
}
