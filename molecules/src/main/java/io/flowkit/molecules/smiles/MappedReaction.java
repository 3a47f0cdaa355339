package io.flowkit.molecules.smiles;

import io.flowkit.validation.molecule.AtomSymmetry;
import java.util.Objects;
import org.openscience.cdk.CDKConstants;
import org.openscience.cdk.aromaticity.Kekulization;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IAtomContainerSet;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IReaction;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * An atom-mapped reaction SMILES, checked and put in map order: atom k of both sides is the atom
 * with map number k + 1, so the reactant, the product and the transition state line up. Every atom,
 * explicit hydrogens included, must carry a map number; the numbers must be 1..N on each side, the
 * same set, with the same element under each number and the same total charge. Parsing is CDK's
 * ({@link SmilesParser#parseReactionSmiles}).
 */
public final class MappedReaction {

    private final String smiles;
    private final IAtomContainer reactant;
    private final IAtomContainer product;
    private final int[] atomicNumbers;
    private final int charge;
    private final int multiplicity;
    private volatile AtomSymmetry symmetry;

    private MappedReaction(String smiles, IAtomContainer reactant, IAtomContainer product, int[] atomicNumbers,
            int charge) {
        this.smiles = smiles;
        this.reactant = reactant;
        this.product = product;
        this.atomicNumbers = atomicNumbers;
        this.charge = charge;
        int electrons = -charge;
        for (int z : atomicNumbers) {
            electrons += z;
        }
        this.multiplicity = electrons % 2 == 0 ? 1 : 2;
    }

    /**
     * Parses and checks a mapped reaction SMILES.
     *
     * @param smiles {@code reactants>>products} (or {@code reactants>agents>products}); dots
     *     separate molecules on a side
     * @return the reaction in map order
     * @throws IllegalArgumentException naming the problem: not a reaction, unparseable, an atom
     *     without a map number, implicit hydrogens, repeated or missing numbers, an element or a
     *     total charge that differs between the sides
     */
    public static MappedReaction parse(String smiles) {
        Objects.requireNonNull(smiles, "smiles");
        String s = smiles.strip();
        if (!s.contains(">")) {
            throw new IllegalArgumentException("not a reaction SMILES (no '>>'): " + s);
        }
        IReaction reaction;
        try {
            reaction = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseReactionSmiles(s);
        } catch (InvalidSmilesException e) {
            reaction = kekulisedAfterParsing(s, e);
        }
        IAtomContainer r = merge(reaction.getReactants(), "reactants");
        IAtomContainer p = merge(reaction.getProducts(), "products");
        IAtomContainer[] sides = {inMapOrder(r, "reactants"), inMapOrder(p, "products")};
        if (sides[0].getAtomCount() != sides[1].getAtomCount()) {
            throw new IllegalArgumentException("the reactants have " + sides[0].getAtomCount() + " atoms but the products "
                    + sides[1].getAtomCount());
        }
        int n = sides[0].getAtomCount();
        int[] z = new int[n];
        for (int k = 0; k < n; k++) {
            IAtom a = sides[0].getAtom(k);
            IAtom b = sides[1].getAtom(k);
            if (!Objects.equals(a.getAtomicNumber(), b.getAtomicNumber())) {
                throw new IllegalArgumentException("map number " + (k + 1) + " is " + a.getSymbol() + " in the reactants but "
                        + b.getSymbol() + " in the products");
            }
            z[k] = a.getAtomicNumber();
        }
        int qr = charge(sides[0]);
        int qp = charge(sides[1]);
        if (qr != qp) {
            throw new IllegalArgumentException("the reactants' total charge " + qr + " differs from the products' " + qp);
        }
        return new MappedReaction(s, sides[0], sides[1], z, qr);
    }

    private static IAtomContainer merge(org.openscience.cdk.interfaces.IAtomContainerSet set, String side) {
        IAtomContainer all = SilentChemObjectBuilder.getInstance().newAtomContainer();
        for (IAtomContainer m : set.atomContainers()) {
            all.add(m);
        }
        if (all.getAtomCount() == 0) {
            throw new IllegalArgumentException("the " + side + " side has no atoms");
        }
        return all;
    }

    /** A new container whose atom k is the atom mapped k + 1, with the bonds between them. */
    private static IAtomContainer inMapOrder(IAtomContainer side, String name) {
        int n = side.getAtomCount();
        IAtom[] ordered = new IAtom[n];
        for (int i = 0; i < n; i++) {
            IAtom atom = side.getAtom(i);
            Integer map = atom.getProperty(CDKConstants.ATOM_ATOM_MAPPING);
            if (map == null || map == 0) {
                throw new IllegalArgumentException("atom " + (i + 1) + " (" + atom.getSymbol() + ") of the " + name
                        + " has no map number: every atom, explicit hydrogens included, must carry one");
            }
            Integer implicit = atom.getImplicitHydrogenCount();
            if (implicit != null && implicit > 0) {
                throw new IllegalArgumentException("atom " + atom.getSymbol() + ":" + map + " of the " + name + " has "
                        + implicit + " implicit hydrogen(s): write every hydrogen as a mapped atom, e.g. [H:" + (n + 1) + "]");
            }
            if (map < 1 || map > n) {
                throw new IllegalArgumentException("map number " + map + " of the " + name + " is outside 1.." + n
                        + ": the numbers must run from 1 to the number of atoms");
            }
            if (ordered[map - 1] != null) {
                throw new IllegalArgumentException("map number " + map + " appears twice in the " + name);
            }
            ordered[map - 1] = atom;
        }
        // Fresh atoms and bonds: the new container owns them (no references into the parsed one).
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[i] = (Integer) side.getAtom(i).getProperty(CDKConstants.ATOM_ATOM_MAPPING) - 1;
        }
        IAtomContainer out = SilentChemObjectBuilder.getInstance().newAtomContainer();
        for (IAtom atom : ordered) {
            IAtom copy = SilentChemObjectBuilder.getInstance().newInstance(IAtom.class, atom.getSymbol());
            copy.setFormalCharge(atom.getFormalCharge());
            copy.setImplicitHydrogenCount(0);
            copy.setIsAromatic(atom.isAromatic());
            out.addAtom(copy);
        }
        java.util.Map<IAtom, IAtom> atoms = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            atoms.put(side.getAtom(i), out.getAtom(position[i]));
        }
        java.util.Map<IBond, IBond> bonds = new java.util.HashMap<>();
        for (IBond bond : side.bonds()) {
            out.addBond(position[side.indexOf(bond.getBegin())], position[side.indexOf(bond.getEnd())], bond.getOrder());
            IBond added = out.getBond(out.getBondCount() - 1);
            added.setIsAromatic(bond.isAromatic());
            bonds.put(bond, added);
        }
        // The SMILES's stereo (tetrahedral centres, double-bond geometry) carried to the new atoms.
        for (org.openscience.cdk.interfaces.IStereoElement<?, ?> element : side.stereoElements()) {
            out.addStereoElement(element.map(atoms, bonds));
        }
        return out;
    }

    private static int charge(IAtomContainer side) {
        int q = 0;
        for (IAtom atom : side.atoms()) {
            Integer c = atom.getFormalCharge();
            q += c == null ? 0 : c;
        }
        return q;
    }

    /**
     * The parser's own kekulisation refuses some aromatic rings written with an explicit double bond
     * (RDB7 writes {@code [c:2]1=[n:3]...}); parsed without it, CDK's {@link Kekulization} assigns a
     * valid structure to these. Any other parse error, or a ring that cannot be kekulised either
     * way, is reported as the parser's.
     */
    private static IReaction kekulisedAfterParsing(String s, InvalidSmilesException original) {
        if (original.getMessage() == null || !original.getMessage().contains("kekul")) {
            throw new IllegalArgumentException("cannot parse the reaction SMILES: " + original.getMessage(), original);
        }
        try {
            SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
            parser.kekulise(false);
            IReaction reaction = parser.parseReactionSmiles(s);
            for (IAtomContainerSet side : new IAtomContainerSet[] {reaction.getReactants(), reaction.getProducts()}) {
                for (IAtomContainer m : side.atomContainers()) {
                    Kekulization.kekulize(m);
                }
            }
            return reaction;
        } catch (org.openscience.cdk.exception.CDKException e) {
            throw new IllegalArgumentException("cannot parse the reaction SMILES: " + original.getMessage(), original);
        }
    }

    /** @return the SMILES as given (stripped) */
    public String smiles() {
        return smiles;
    }

    /** @return the number of atoms */
    public int atomCount() {
        return atomicNumbers.length;
    }

    /** @return the atomic numbers in map order */
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    /** @return the total charge */
    public int charge() {
        return charge;
    }

    /** @return the spin multiplicity: 1 for an even number of electrons, else 2 */
    public int multiplicity() {
        return multiplicity;
    }

    /** @return the reactants as one CDK container in map order (shared: do not modify) */
    IAtomContainer reactantGraph() {
        return reactant;
    }

    /** @return the products as one CDK container in map order (shared: do not modify) */
    IAtomContainer productGraph() {
        return product;
    }

    /**
     * The atoms the reaction cannot tell apart: permutations that keep every element and the bonds
     * of both sides (the hydrogens of a methyl group that takes no part, say). Map numbers label
     * such atoms arbitrarily, so geometries are compared up to these permutations.
     *
     * @return the reaction's symmetry (found on the first call, then kept: it is immutable)
     */
    public AtomSymmetry symmetry() {
        AtomSymmetry s = symmetry;
        if (s == null) {
            s = AtomSymmetry.ofReaction(atomicNumbers, bonds(false), bonds(true));
            symmetry = s;
        }
        return s;
    }

    /**
     * The bonded atom pairs of one side, by map order.
     *
     * @param products true for the products, false for the reactants
     * @return pairs {@code {i, j}}, atoms counted from 0
     */
    public int[][] bonds(boolean products) {
        IAtomContainer side = products ? product : reactant;
        int[][] pairs = new int[side.getBondCount()][];
        for (int b = 0; b < pairs.length; b++) {
            IBond bond = side.getBond(b);
            pairs[b] = new int[] {side.indexOf(bond.getBegin()), side.indexOf(bond.getEnd())};
        }
        return pairs;
    }
}
