package io.flowkit.datasets.fetch;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One data set in the manifest.
 *
 * @param name the short name, as {@code flowkit data fetch --only} takes it (for example {@code grambow-842})
 * @param folder the folder under the data root (for example {@code reactions/grambow-842})
 * @param licence the licence, in words
 * @param source the public page the data set comes from
 * @param files its files
 */
public record DatasetEntry(String name, String folder, String licence, URI source, List<FileEntry> files) {

    /**
     * Checks the fields and copies the file list.
     *
     * @throws IllegalArgumentException if the name is empty or the folder is not a plain relative path
     */
    public DatasetEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
        if (name.isEmpty() || folder.isEmpty() || folder.startsWith("/") || folder.endsWith("/")
                || ("/" + folder + "/").contains("/../")) {
            throw new IllegalArgumentException("bad data set name or folder: '" + name + "', '" + folder + "'");
        }
    }

    /** @return the total size of the files in bytes */
    public long totalBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }
}
