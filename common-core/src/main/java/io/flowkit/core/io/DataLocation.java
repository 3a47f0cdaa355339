package io.flowkit.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where flowkit finds its data sets: the folder named by the environment variable
 * {@code FLOWKIT_DATA}, or {@code ~/.flowkit/data} when it is not set. A data set is a sub-folder
 * such as {@code reactions/grambow-842}.
 */
public final class DataLocation {

    /** The environment variable that names the data folder. */
    public static final String ENVIRONMENT_VARIABLE = "FLOWKIT_DATA";

    private DataLocation() {}

    /** @return the data folder (it may not exist) */
    public static Path root() {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        if (value != null && !value.isBlank()) {
            return Paths.get(value);
        }
        return Paths.get(System.getProperty("user.home"), ".flowkit", "data");
    }

    /**
     * Resolves a data set folder and checks that it exists.
     *
     * @param dataset relative name, for example {@code reactions/grambow-842}
     * @return the existing folder
     * @throws IllegalStateException naming the folder searched, the command that downloads the data
     *     set and the setting to change, when the data set is not there
     */
    public static Path dataset(String dataset) {
        Path root = root();
        Path folder = root.resolve(dataset);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("data set '" + dataset + "' not found: " + folder
                    + " does not exist; get it with: flowkit data fetch --only " + shortName(dataset)
                    + " (or set " + ENVIRONMENT_VARIABLE + " to the folder that holds it)");
        }
        return folder;
    }

    /**
     * The short name of a data set, as {@code flowkit data fetch --only} takes it: the last folder
     * segment.
     *
     * @param dataset relative name, for example {@code reactions/grambow-842}
     * @return the short name, for example {@code grambow-842}
     */
    public static String shortName(String dataset) {
        String trimmed = dataset.replace('\\', '/');
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
