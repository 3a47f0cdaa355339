package io.flowkit.datasets.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a data set is on disk: every file, some, or none. */
public enum DatasetState {
    /** Every file is there with the manifest size (and checksum, when checked). */
    PRESENT,
    /** Some files are there, but not all of them with the manifest size (or checksum). */
    INCOMPLETE,
    /** No file of the data set is there. */
    MISSING;

    /**
     * Looks at a data set under a data root by file sizes only (fast).
     *
     * @param root the data root (for example {@code DataLocation.root()})
     * @param dataset the data set
     * @return its state
     */
    public static DatasetState of(Path root, DatasetEntry dataset) {
        try {
            return of(root, dataset, false);
        } catch (IOException e) {
            return INCOMPLETE;
        }
    }

    /**
     * Looks at a data set under a data root.
     *
     * @param root the data root
     * @param dataset the data set
     * @param checksums whether to compare SHA-256 checksums as well as sizes (reads every file)
     * @return its state
     * @throws IOException if a file exists but cannot be read
     */
    public static DatasetState of(Path root, DatasetEntry dataset, boolean checksums) throws IOException {
        Path folder = root.resolve(dataset.folder());
        int found = 0;
        int good = 0;
        for (FileEntry f : dataset.files()) {
            Path p = folder.resolve(f.path());
            if (!Files.isRegularFile(p)) {
                continue;
            }
            found++;
            if (Files.size(p) == f.size() && (!checksums || Checksums.sha256(p).equals(f.sha256()))) {
                good++;
            }
        }
        if (good == dataset.files().size()) {
            return PRESENT;
        }
        return found == 0 ? MISSING : INCOMPLETE;
    }

    /** @return the state in lower case, as {@code flowkit data list} prints it */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
