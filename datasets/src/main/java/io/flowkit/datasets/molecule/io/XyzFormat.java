package io.flowkit.datasets.molecule.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.internal.TextLines;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.molecule.Elements;
import io.flowkit.datasets.molecule.Molecule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XYZ and extended XYZ molecule files ({@code .xyz}, {@code .extxyz}), one or more frames each:
 * a line with the atom count, a comment line, then one line per atom {@code symbol x y z} in Å.
 *
 * <p>Extended XYZ (as written by ASE): when the comment line consists of {@code key=value} pairs,
 * {@code Properties=name:type:count:...} names the atom columns ({@code species:S:1} or
 * {@code Z:I:1}, and {@code pos:R:3}; other columns are skipped), {@code charge} and
 * {@code multiplicity} set the molecule's charge and multiplicity, {@code title} its title, and
 * every other pair becomes a string property. A plain comment line becomes the title. Elements
 * may be given as symbols or atomic numbers.
 */
public final class XyzFormat {

    private XyzFormat() {}

    /**
     * Reads every frame.
     *
     * @param file the file
     * @return the molecules, in file order
     * @throws MalformedInputException naming the frame (record), the line and the problem: a bad
     *     atom count, a truncated frame, an unknown element, a non-finite coordinate, a malformed
     *     {@code Properties} entry
     * @throws IOException if the file cannot be read
     */
    public static List<Molecule> readAll(Path file) throws IOException {
        List<Molecule> out = new ArrayList<>();
        try (TextLines lines = TextLines.open(file)) {
            String countLine;
            while ((countLine = lines.nextContent(null)) != null) {
                try {
                    out.add(frame(lines, countLine, out.size()));
                } catch (MalformedInputException e) {
                    throw MalformedInputException.inRecord(file, out.size(), e.line(), e.problem(), e);
                }
            }
        }
        if (out.isEmpty()) {
            throw MalformedInputException.of(file, "file is empty: no XYZ frame");
        }
        return out;
    }

    /**
     * Reads the only (or first) frame.
     *
     * @param file the file
     * @return the first molecule
     * @throws MalformedInputException as {@link #readAll(Path)}
     * @throws IOException if the file cannot be read
     */
    public static Molecule read(Path file) throws IOException {
        return readAll(file).get(0);
    }

    private static Molecule frame(TextLines lines, String countLine, int frame) throws IOException {
        int n;
        try {
            n = Integer.parseInt(countLine.strip());
        } catch (NumberFormatException e) {
            throw lines.error("expected the atom count of frame " + frame + " but found '" + abbreviate(countLine)
                    + "'" + (frame > 0 ? " (does the previous frame's atom count match its atoms?)" : ""));
        }
        if (n <= 0) {
            throw lines.error("atom count is not positive: " + n);
        }
        String comment = lines.next();
        if (comment == null) {
            throw lines.error("file ends early: expected the comment line of frame " + frame);
        }
        Map<String, String> info = ExtendedXyzInfo.parse(comment.strip());
        Molecule.Builder b = Molecule.builder();
        int speciesColumn = 0;
        int posColumn = 1;
        int columns = 4;
        if (info == null) {
            b.optTitle(comment.strip());
        } else {
            int[] layout = layout(lines, info.remove("Properties"));
            speciesColumn = layout[0];
            posColumn = layout[1];
            columns = layout[2];
            String charge = info.remove("charge");
            String multiplicity = info.remove("multiplicity");
            String title = info.remove("title");
            if (charge != null) {
                b.optCharge(lines.parseInt(charge, "charge"));
            }
            if (multiplicity != null) {
                b.optMultiplicity(lines.parseInt(multiplicity, "multiplicity"));
            }
            if (title != null) {
                b.optTitle(title);
            }
            info.forEach(b::optProperty);
        }
        int[] z = new int[n];
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            String line = lines.next();
            if (line == null || line.isBlank()) {
                throw lines.error("file ends early: frame " + frame + " declares " + n + " atoms but atom " + i + " is missing");
            }
            String[] t = TextLines.tokens(line.strip());
            if (t.length < columns) {
                throw lines.error("atom " + i + " has " + t.length + " columns, expected " + columns);
            }
            z[i] = element(lines, t[speciesColumn], i);
            for (int k = 0; k < 3; k++) {
                xyz[3 * i + k] = lines.parseFinite(t[posColumn + k], "atom " + i);
            }
        }
        try {
            return b.setAtomicNumbers(z).setPositions(xyz).build();
        } catch (IllegalArgumentException e) {
            throw lines.error(e.getMessage());
        }
    }

    private static int element(TextLines lines, String token, int atom) throws MalformedInputException {
        try {
            if (Character.isDigit(token.charAt(0))) {
                return Elements.checkAtomicNumber(Integer.parseInt(token));
            }
            return Elements.atomicNumber(token);
        } catch (IllegalArgumentException e) {
            throw lines.error("atom " + atom + ": " + e.getMessage());
        }
    }

    /** @return {species column, first pos column, total columns} */
    private static int[] layout(TextLines lines, String properties) throws MalformedInputException {
        if (properties == null) {
            return new int[] {0, 1, 4};
        }
        String[] p = properties.split(":");
        if (p.length % 3 != 0) {
            throw lines.error("Properties is not a list of name:type:count triples: '" + properties + "'");
        }
        int column = 0;
        int species = -1;
        int pos = -1;
        for (int i = 0; i < p.length; i += 3) {
            int count = lines.parseInt(p[i + 2], "Properties column count of '" + p[i] + "'");
            if (count <= 0) {
                throw lines.error("Properties column count of '" + p[i] + "' is not positive: " + count);
            }
            if ((p[i].equals("species") || p[i].equals("Z")) && count == 1) {
                species = column;
            } else if (p[i].equals("pos") && count == 3) {
                pos = column;
            }
            column += count;
        }
        if (species < 0 || pos < 0) {
            throw lines.error("Properties has no species:S:1 (or Z:I:1) and pos:R:3 columns: '" + properties + "'");
        }
        return new int[] {species, pos, column};
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * Writes plain XYZ frames: the title as comment line, coordinates in Å in full precision.
     *
     * @param file the target, written through a temporary file
     * @param molecules the frames
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void write(Path file, List<Molecule> molecules) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Molecule m : molecules) {
            frameText(sb, m, m.title());
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Writes extended XYZ frames ({@code Properties=species:S:1:pos:R:3}, then charge,
     * multiplicity, title and the string properties as key=value pairs).
     *
     * @param file the target, written through a temporary file
     * @param molecules the frames
     * @throws IOException if writing fails; the target is then unchanged
     * @throws IllegalArgumentException when a property name cannot be a key (whitespace, '=', '"')
     */
    public static void writeExtended(Path file, List<Molecule> molecules) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Molecule m : molecules) {
            Map<String, String> info = new LinkedHashMap<>();
            info.put("Properties", "species:S:1:pos:R:3");
            m.charge().ifPresent(q -> info.put("charge", Integer.toString(q)));
            m.multiplicity().ifPresent(s -> info.put("multiplicity", Integer.toString(s)));
            if (!m.title().isEmpty()) {
                info.put("title", m.title());
            }
            m.properties().forEach(info::putIfAbsent);
            frameText(sb, m, ExtendedXyzInfo.format(info));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static void frameText(StringBuilder sb, Molecule m, String comment) {
        sb.append(m.atomCount()).append('\n').append(comment).append('\n');
        for (int i = 0; i < m.atomCount(); i++) {
            sb.append(m.symbol(i)).append(' ').append(m.coordinate(i, 0)).append(' ')
                    .append(m.coordinate(i, 1)).append(' ').append(m.coordinate(i, 2)).append('\n');
        }
    }
}
