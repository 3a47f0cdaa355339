package io.flowkit.molecules.smiles;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file of reaction SMILES, one reaction per line, optionally followed by a name after a
 * space or tab ({@code [C:1]([H:3])...>>... rxn-17}). Blank lines and lines starting with {@code #}
 * are skipped; line numbers count every line from 1, so that messages point into the file.
 */
public final class ReactionSmilesFile {

    private ReactionSmilesFile() {}

    /**
     * One reaction of the file.
     *
     * @param number its line number, from 1
     * @param smiles the reaction SMILES
     * @param name the name after it, or empty
     */
    public record Line(int number, String smiles, String name) {}

    /**
     * Reads a file.
     *
     * @param file the file (UTF-8 text)
     * @return its reactions in file order
     * @throws IOException naming the file: missing, not text, or holding no reaction
     */
    public static List<Line> read(Path file) throws IOException {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("reaction SMILES file not found: " + file, e);
        } catch (MalformedInputException e) {
            throw new IOException(file + " is not a UTF-8 text file of reaction SMILES", e);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int cut = 0;
            while (cut < line.length() && !Character.isWhitespace(line.charAt(cut))) {
                cut++;
            }
            lines.add(new Line(i + 1, line.substring(0, cut), line.substring(cut).strip()));
        }
        if (lines.isEmpty()) {
            throw new IOException(file + " holds no reaction SMILES");
        }
        return lines;
    }
}
