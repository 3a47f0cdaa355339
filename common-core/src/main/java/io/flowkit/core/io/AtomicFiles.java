package io.flowkit.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader never sees a half-written one: the content goes to a temporary
 * file beside the target, which is then moved into place (atomically where the file system
 * allows). If writing fails, the temporary file is deleted and any earlier target is left intact.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream to write to; closed by the caller
         * @throws IOException on a failure to write
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Checks, before any work, that a file can be written at a path: it is not a folder and its
     * folder exists (a command refuses a mistyped folder rather than creating it at the end).
     *
     * @param target the output file
     * @throws IllegalArgumentException naming the path and the problem
     */
    public static void checkTarget(Path target) {
        if (java.nio.file.Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a folder: give a file name");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new IllegalArgumentException(target + ": the folder " + parent + " does not exist");
        }
    }

    /**
     * Writes a file through a temporary file and a move.
     *
     * @param target the file to write; its parent folders are created
     * @param content what to write
     * @throws IOException if writing or moving fails; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        // A fresh name, created with the default permissions (createTempFile would make it owner-only).
        Path tmp = parent.resolve("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime())
                + Long.toHexString(Thread.currentThread().getId()) + ".part");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW))) {
                content.writeTo(out);
            }
            moveIntoPlace(tmp, absolute);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Writes a UTF-8 text file through a temporary file and a move.
     *
     * @param target the file to write
     * @param text its content
     * @throws IOException if writing or moving fails; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Moves a finished temporary file or folder onto its target, atomically where supported.
     *
     * @param source the finished file or folder
     * @param target where it belongs; replaced if it exists (a non-empty folder is not replaced)
     * @throws IOException if the move fails
     */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
