package io.flowkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output folder before any work, so that a long run does not fail at its end. */
public final class OutputFolders {

    private OutputFolders() {}

    /**
     * @param folder the output folder given by {@code --out}: it may exist as a folder or not exist yet
     * @throws IllegalArgumentException naming it, when it is an existing file
     */
    public static void check(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is a file: --out takes a folder (existing or new)");
        }
    }
}
