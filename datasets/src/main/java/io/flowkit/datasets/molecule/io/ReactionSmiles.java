package io.flowkit.datasets.molecule.io;

import org.openscience.cdk.CDKConstants;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Atom-mapped reaction SMILES ({@code reactant>>product}, or {@code reactant>agent>product}) read
 * with CDK, and the canonical SMILES of one side without its atom maps: the key that groups the
 * reactions of one reactant (for a split that keeps all of them on one side).
 *
 * <p>Instances are not needed: the CDK parser and generator are created per call, so the methods
 * are safe to call from several threads.
 */
public final class ReactionSmiles {

    private ReactionSmiles() {}

    /**
     * The canonical SMILES of the reactant side of a reaction SMILES, without atom maps and with
     * hydrogens implicit, so that two reactions of the same reactant molecule give the same key
     * whatever their atom order and map numbers.
     *
     * @param reactionSmiles an atom-mapped (or unmapped) reaction SMILES
     * @return the canonical SMILES of the reactant side
     * @throws IllegalArgumentException naming the SMILES and the problem when it is not a reaction
     *     SMILES or CDK cannot read it
     */
    public static String canonicalReactant(String reactionSmiles) {
        return canonical(side(reactionSmiles, 0), reactionSmiles);
    }

    /**
     * The canonical SMILES of the product side of a reaction SMILES, as
     * {@link #canonicalReactant(String)}.
     *
     * @param reactionSmiles an atom-mapped (or unmapped) reaction SMILES
     * @return the canonical SMILES of the product side
     * @throws IllegalArgumentException naming the SMILES and the problem
     */
    public static String canonicalProduct(String reactionSmiles) {
        return canonical(side(reactionSmiles, 2), reactionSmiles);
    }

    /**
     * One side of a reaction SMILES: 0 reactants, 1 agents, 2 products.
     *
     * @param reactionSmiles the reaction SMILES
     * @param part which side
     * @return the SMILES of that side (may be empty for agents)
     * @throws IllegalArgumentException if the text is not of the form {@code a>b>c}
     */
    public static String side(String reactionSmiles, int part) {
        if (reactionSmiles == null || reactionSmiles.isBlank()) {
            throw new IllegalArgumentException("reaction SMILES is empty");
        }
        String text = reactionSmiles.strip();
        int space = text.indexOf(' ');
        if (space >= 0) {
            text = text.substring(0, space); // a CXSMILES extension or a title after the SMILES
        }
        String[] parts = text.split(">", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a reaction SMILES (expected reactants>agents>products or "
                    + "reactants>>products): " + reactionSmiles);
        }
        return parts[part];
    }

    private static String canonical(String smiles, String reaction) {
        if (smiles.isEmpty()) {
            throw new IllegalArgumentException("reaction SMILES has an empty side: " + reaction);
        }
        try {
            // Kekulisation is skipped: some RDB7 SMILES write aromatic atoms with an explicit double bond
            // ('c1=n...'), which has no Kekulé form; aromatic symbols are kept in the key instead.
            SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
            parser.kekulise(false);
            IAtomContainer container = parser.parseSmiles(smiles);
            for (IAtom atom : container.atoms()) {
                atom.removeProperty(CDKConstants.ATOM_ATOM_MAPPING);
            }
            IAtomContainer heavy = AtomContainerManipulator.suppressHydrogens(container);
            return new SmilesGenerator(SmiFlavor.Unique | SmiFlavor.UseAromaticSymbols).create(heavy);
        } catch (CDKException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read SMILES '" + smiles + "' of reaction " + reaction + ": "
                    + e.getMessage(), e);
        }
    }
}
