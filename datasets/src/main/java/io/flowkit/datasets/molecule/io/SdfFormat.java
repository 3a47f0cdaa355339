package io.flowkit.datasets.molecule.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.molecule.Molecule;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.IChemObjectReader;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.io.SDFWriter;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * MDL molfiles ({@code .mol}) and structure-data files ({@code .sdf}, several molfiles separated by
 * {@code $$$$} lines, each followed by optional data items) through CDK's V2000 reader in strict
 * mode and its SDF writer. Coordinates are read as 3D even when every z is 0, and written with the
 * molfile's four decimals (0.0001 Å). Charge and multiplicity follow {@link CdkMolecules}.
 */
public final class SdfFormat {

    private SdfFormat() {}

    /**
     * Reads every record of an SDF (or the single record of a molfile).
     *
     * @param file the file
     * @return the molecules, in file order
     * @throws MalformedInputException naming the record index (from 0), its first line and CDK's
     *     message for a malformed record, or the file for a file without records
     * @throws IOException if the file cannot be read
     */
    public static List<Molecule> readAll(Path file) throws IOException {
        List<Molecule> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder record = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals("$$$$")) {
                out.add(parse(file, out.size(), start, record.toString()));
                record.setLength(0);
                start = i + 2;
            } else {
                record.append(line).append('\n');
            }
        }
        if (!record.toString().isBlank()) {
            out.add(parse(file, out.size(), start, record.toString()));
        }
        if (out.isEmpty()) {
            throw MalformedInputException.of(file, "file holds no molfile record");
        }
        return out;
    }

    /**
     * Reads the only (or first) record of a molfile or SDF.
     *
     * @param file the file
     * @return the first molecule
     * @throws MalformedInputException as {@link #readAll(Path)}
     * @throws IOException if the file cannot be read
     */
    public static Molecule read(Path file) throws IOException {
        return readAll(file).get(0);
    }

    private static Molecule parse(Path file, int index, int startLine, String text) throws MalformedInputException {
        IAtomContainer container;
        try (MDLV2000Reader reader = new MDLV2000Reader(new StringReader(text), IChemObjectReader.Mode.STRICT)) {
            reader.getSetting("ForceReadAs3DCoordinates").setSetting("true");
            container = reader.read(SilentChemObjectBuilder.getInstance().newAtomContainer());
        } catch (CDKException | IOException | RuntimeException e) {
            throw MalformedInputException.inRecord(file, index, startLine, "malformed molfile: " + e.getMessage(), e);
        }
        if (container == null || container.getAtomCount() == 0) {
            throw MalformedInputException.inRecord(file, index, startLine, "molfile record has no atoms", null);
        }
        try {
            return CdkMolecules.fromAtomContainer(container);
        } catch (IllegalArgumentException e) {
            throw MalformedInputException.inRecord(file, index, startLine, e.getMessage(), e);
        }
    }

    /**
     * Writes molecules as an SDF, one record each, with their properties as data items. The header
     * line of each record names the program but leaves the date blank (the CTfile format allows
     * it), so that the same molecules always give the same file.
     *
     * @param file the target, written through a temporary file
     * @param molecules the molecules
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void write(Path file, List<Molecule> molecules) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (SDFWriter sdf = new SDFWriter(text)) {
            for (Molecule m : molecules) {
                sdf.write(CdkMolecules.toAtomContainer(m));
            }
        } catch (CDKException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        String undated = withoutDates(text.toString());
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(undated);
            w.flush();
        });
    }

    /** Blanks the date (columns 11-20) of the second line of every record. */
    static String withoutDates(String sdf) {
        StringBuilder out = new StringBuilder(sdf.length());
        int lineInRecord = 0;
        for (String line : sdf.split("\n", -1)) {
            if (lineInRecord == 1 && line.length() >= 20 && line.substring(10, 20).chars().allMatch(Character::isDigit)) {
                line = line.substring(0, 10) + " ".repeat(10) + line.substring(20);
            }
            out.append(line).append('\n');
            lineInRecord = line.startsWith("$$$$") ? 0 : lineInRecord + 1;
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
