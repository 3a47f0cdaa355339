package io.flowkit.cli.tsgen;

import io.flowkit.molecules.batch.ReactionRecord;
import io.flowkit.molecules.batch.TsGenBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The reaction inputs that {@code tsgen generate} and {@code spark tsgen} share: paired reactant and
 * product files or a file of atom-mapped reaction SMILES, the conformers per side for SMILES, and
 * the optional xtb refinement; checked and read the same way in both.
 */
public final class ReactionInputs {

    @Option(names = "--reactants", description = "reactant geometries (.sdf, .mol, .xyz)")
    private Path reactants;

    @Option(names = "--products", description = "product geometries, same atoms in the same order")
    private Path products;

    @Option(names = "--smiles", description = "a text file of atom-mapped reaction SMILES, one per line, optionally a "
            + "name after a space or tab (instead of --reactants and --products); blank lines and lines starting "
            + "with # are skipped")
    private Path smiles;

    @Option(names = "--conformers", defaultValue = "3", description = "with --smiles: starting geometries per side "
            + "(default: ${DEFAULT-VALUE})")
    private int conformers;

    @Option(names = "--refine", paramLabel = "xtb", description = "refine each generated TS with GFN2-xTB (forming and "
            + "breaking distances held, the rest relaxed); a structure xtb cannot refine safely is written unrefined, "
            + "and said so on stderr")
    private String refine;

    /**
     * Checks the refinement option.
     *
     * @throws IllegalArgumentException unless it is absent or {@code xtb}
     */
    public void checkRefine() {
        if (refine != null && !refine.equals("xtb")) {
            throw new IllegalArgumentException("--refine takes xtb: " + refine);
        }
    }

    /**
     * Checks that exactly one kind of input was given.
     *
     * @throws IllegalArgumentException for both kinds, or for reactants without products
     */
    public void checkInputs() {
        if (smiles != null && (reactants != null || products != null)) {
            throw new IllegalArgumentException("give either --smiles or --reactants with --products, not both");
        }
        if (smiles == null && (reactants == null || products == null)) {
            throw new IllegalArgumentException("give --reactants and --products (or --smiles)");
        }
    }

    /**
     * Reads the records ({@link TsGenBatch#readSmiles} or {@link TsGenBatch#readGeometries}).
     *
     * @return one record per reaction, in file order
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException as {@link #checkInputs()}, or for malformed files
     */
    public List<ReactionRecord> read() throws IOException {
        checkInputs();
        return smiles != null ? TsGenBatch.readSmiles(smiles) : TsGenBatch.readGeometries(reactants, products);
    }

    /** @return whether the reactions are given as SMILES */
    public boolean fromSmiles() {
        return smiles != null;
    }

    /** @return starting geometries per side for SMILES */
    public int conformers() {
        return conformers;
    }

    /** @return whether to refine with xtb */
    public boolean refine() {
        return refine != null;
    }
}
