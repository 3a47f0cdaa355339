package io.flowkit.datasets.molecule.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.molecule.Molecule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Molecule files by extension: {@code .sdf}, {@code .sd}, {@code .mol} (SDF/MOL through CDK) and
 * {@code .xyz}, {@code .extxyz} (XYZ; written as extended XYZ when the molecules carry charge or
 * multiplicity).
 */
public final class MoleculeFiles {

    private MoleculeFiles() {}

    /**
     * Reads every molecule of a file.
     *
     * @param file the file
     * @return the molecules in file order
     * @throws IOException if the file is missing or malformed (the message names it and the record)
     */
    public static List<Molecule> readAll(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null,
                    java.nio.file.Files.isDirectory(file) ? "is a folder, not a molecule file" : "molecule file not found");
        }
        try {
            if (isSdf(file)) {
                return SdfFormat.readAll(file);
            }
            if (isXyz(file)) {
                return XyzFormat.readAll(file);
            }
            throw MalformedInputException.of(file, "unknown molecule format (" + EXPECTED + ")");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw MalformedInputException.of(file, "is not a UTF-8 text file (binary?): expected an SDF/MOL or XYZ "
                    + "text file", e);
        }
    }

    /**
     * Writes molecules, through a temporary file and a move.
     *
     * @param file the file; its extension chooses the format
     * @param molecules the molecules
     * @throws IOException on a write failure or an unknown extension
     */
    public static void write(Path file, List<Molecule> molecules) throws IOException {
        if (isSdf(file)) {
            SdfFormat.write(file, molecules);
        } else if (isXyz(file)) {
            XyzFormat.writeExtended(file, molecules);
        } else {
            throw new IOException("unknown molecule format for " + file + " (" + EXPECTED + ")");
        }
    }

    /**
     * Checks, before any work, that {@link #write} can put molecules at a path: a known extension, not
     * a folder, an existing parent folder.
     *
     * @param file the output path
     * @throws IllegalArgumentException naming the path and the problem
     */
    public static void checkWritable(Path file) {
        if (!isSdf(file) && !isXyz(file)) {
            throw new IllegalArgumentException(file + ": unknown molecule format (" + EXPECTED + ")");
        }
        AtomicFiles.checkTarget(file);
    }

    private static final String EXPECTED = "expected .sdf, .sd, .mol, .xyz or .extxyz";

    private static boolean isSdf(Path file) {
        String e = extension(file);
        return e.equals("sdf") || e.equals("sd") || e.equals("mol");
    }

    private static boolean isXyz(Path file) {
        String e = extension(file);
        return e.equals("xyz") || e.equals("extxyz");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
