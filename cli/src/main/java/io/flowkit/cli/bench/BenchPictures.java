package io.flowkit.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes the suites' pictures into the report folder, with one error message for all. */
final class BenchPictures {

    /** Something that writes itself as a PNG file (a plot or a view of the validation module). */
    @FunctionalInterface
    interface PngWriter {
        /**
         * @param file the target
         * @throws IOException on a failure to write
         */
        void writePng(Path file) throws IOException;
    }

    private BenchPictures() {}

    /**
     * Writes a picture.
     *
     * @param folder the report folder
     * @param name the file name
     * @param picture what writes it (for example {@code view.build()::writePng})
     * @return the name, for the section's picture list
     * @throws UncheckedIOException naming the file, if it cannot be written
     */
    static String write(Path folder, String name, PngWriter picture) {
        try {
            picture.writePng(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
        }
        return name;
    }
}
