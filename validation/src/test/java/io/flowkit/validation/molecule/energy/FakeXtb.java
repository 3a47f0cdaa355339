package io.flowkit.validation.molecule.energy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/** Shell scripts that stand in for xtb, to drive the failure paths without it. */
final class FakeXtb {

    private FakeXtb() {}

    /**
     * Writes an executable {@code /bin/sh} script.
     *
     * @param folder where to write it
     * @param name file name
     * @param body the script after the shebang line; it runs in the call's folder, the XYZ file is $1
     * @return the script's path
     */
    static Path script(Path folder, String name, String body) throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "fake xtb scripts need a POSIX shell");
        Path file = folder.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** The lines xtb prints at the end of a run, with a given total energy in Eh. */
    static String summary(String energy) {
        return "echo '          | TOTAL ENERGY              " + energy + " Eh   |'\n"
                + "echo '          | GRADIENT NORM               0.000100000000 Eh/α |'\n";
    }
}
