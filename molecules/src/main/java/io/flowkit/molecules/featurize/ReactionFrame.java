package io.flowkit.molecules.featurize;

import io.flowkit.core.math.Kabsch;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.util.Locale;

/**
 * A reaction in the reactant's frame, as TS-GEN prepares it: the reactant R centred at the origin,
 * the product P and (when known) the transition state superposed on R by Kabsch (proper rotation).
 * Generated geometries are mapped back to R's original position.
 */
public final class ReactionFrame {

    /** Atoms closer than this in R or P are taken for overlapping (Å). */
    public static final double DEFAULT_MIN_DISTANCE = 0.5;
    /**
     * The largest distance of an atom from its molecule's centre, Å: the RDB7 molecules reach 6 Å, so
     * more is a broken coordinate (a record with one coordinate of 1e5 Å once stopped a whole run).
     */
    public static final double MAX_RADIUS = 50;
    /** The largest distance from an atom to its nearest neighbour, Å (RDB7: at most 2.5 Å). */
    public static final double MAX_NEIGHBOUR_DISTANCE = 10;

    private final String id;
    private final Molecule reactant;
    private final int[] atomicNumbers;
    private final double[] centredReactant;
    private final double[] alignedProduct;
    private final double[] alignedTransitionState;
    private final double[] origin;

    private ReactionFrame(String id, Molecule reactant, double[] centredReactant, double[] alignedProduct,
            double[] alignedTransitionState, double[] origin) {
        this.id = id;
        this.reactant = reactant;
        this.atomicNumbers = reactant.atomicNumbers();
        this.centredReactant = centredReactant;
        this.alignedProduct = alignedProduct;
        this.alignedTransitionState = alignedTransitionState;
        this.origin = origin;
    }

    /**
     * Prepares a reaction.
     *
     * @param reaction the reaction (its transition state, if present, becomes the training target)
     * @param minDistance the least allowed distance between two atoms of R or of P, in Å
     * @return the prepared reaction
     * @throws IllegalArgumentException naming the reaction and the atoms when two atoms overlap, an
     *     atom lies more than {@link #MAX_RADIUS} from the centre or has no neighbour within
     *     {@link #MAX_NEIGHBOUR_DISTANCE}
     */
    public static ReactionFrame of(Reaction reaction, double minDistance) {
        Molecule r = reaction.reactant();
        Molecule p = reaction.product();
        checkGeometry(reaction.id(), "reactant", r, minDistance);
        checkGeometry(reaction.id(), "product", p, minDistance);
        double[] rPositions = r.positions();
        double[] origin = centroid(rPositions);
        double[] centred = rPositions.clone();
        for (int i = 0; i < centred.length; i++) {
            centred[i] -= origin[i % 3];
        }
        double[] product = Kabsch.superpose(p.positions(), centred).apply(p.positions());
        double[] ts = reaction.transitionState()
                .map(m -> Kabsch.superpose(m.positions(), centred).apply(m.positions())).orElse(null);
        return new ReactionFrame(reaction.id(), r, centred, product, ts, origin);
    }

    /**
     * Prepares a reactant and a product (checked for the same atoms in the same order).
     *
     * @param id a name for messages
     * @param reactant R
     * @param product P
     * @return the prepared reaction
     * @throws IllegalArgumentException if the atoms differ or overlap
     */
    public static ReactionFrame of(String id, Molecule reactant, Molecule product) {
        return of(Reaction.of(id, reactant, product), DEFAULT_MIN_DISTANCE);
    }

    /** @return the reaction's name */
    public String id() {
        return id;
    }

    /** @return the number of atoms */
    public int atomCount() {
        return atomicNumbers.length;
    }

    /** @return a copy of the atomic numbers */
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    /** @return R centred at the origin (Å, interleaved xyz); do not modify */
    double[] reactantView() {
        return centredReactant;
    }

    /** @return P superposed on the centred R; do not modify */
    double[] productView() {
        return alignedProduct;
    }

    /** @return the transition state superposed on the centred R, or {@code null}; do not modify */
    double[] transitionStateView() {
        return alignedTransitionState;
    }

    /** @return a copy of the centred reactant positions */
    public double[] reactant() {
        return centredReactant.clone();
    }

    /** @return a copy of the superposed product positions */
    public double[] product() {
        return alignedProduct.clone();
    }

    /** @return whether the reaction carries a reference transition state */
    public boolean hasTransitionState() {
        return alignedTransitionState != null;
    }

    /**
     * The aligned midpoint (R + P)/2 in this frame, React-OT's starting point and a baseline.
     *
     * @return the midpoint positions
     */
    public double[] midpoint() {
        double[] m = new double[centredReactant.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = 0.5 * (centredReactant[i] + alignedProduct[i]);
        }
        return m;
    }

    /**
     * A geometry of this frame as a molecule with R's atoms, charge and multiplicity, placed back at
     * R's original position.
     *
     * @param positions positions in this frame, Å
     * @param title the title of the molecule
     * @return the molecule
     */
    public Molecule toMolecule(double[] positions, String title) {
        if (positions.length != centredReactant.length) {
            throw new IllegalArgumentException(
                    "reaction " + id + " has " + atomCount() + " atoms, got " + positions.length / 3.0 + " positions");
        }
        double[] moved = positions.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += origin[i % 3];
        }
        return withAbsolutePositions(moved, title);
    }

    /**
     * A molecule with R's atoms, charge and multiplicity at absolute positions (not in this frame).
     *
     * @param positions absolute positions, Å
     * @param title the title of the molecule
     * @return the molecule
     */
    public Molecule withAbsolutePositions(double[] positions, String title) {
        if (positions.length != centredReactant.length) {
            throw new IllegalArgumentException(
                    "reaction " + id + " has " + atomCount() + " atoms, got " + positions.length / 3.0 + " positions");
        }
        return reactant.toBuilder().setPositions(positions.clone()).optTitle(title).build();
    }

    private static double[] centroid(double[] xyz) {
        double[] c = new double[3];
        int n = xyz.length / 3;
        for (int i = 0; i < xyz.length; i++) {
            c[i % 3] += xyz[i] / n;
        }
        return c;
    }

    private static void checkGeometry(String id, String role, Molecule m, double minDistance) {
        double[] x = m.positions();
        int n = m.atomCount();
        double[] centre = new double[3];
        for (int k = 0; k < 3; k++) {
            // The per-axis median: one broken atom does not move it, so the message names that atom.
            double[] axis = new double[n];
            for (int a = 0; a < n; a++) {
                axis[a] = x[3 * a + k];
            }
            java.util.Arrays.sort(axis);
            centre[k] = axis[n / 2];
        }
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int a = 0; a < n; a++) {
            double r = Math.sqrt(square(x[3 * a] - centre[0]) + square(x[3 * a + 1] - centre[1])
                    + square(x[3 * a + 2] - centre[2]));
            if (r > MAX_RADIUS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "reaction %s: atom %d of the %s is %.4g Å from the molecule's median point (more than %.0f Å: a broken "
                                + "coordinate?)", id, a, role, r, MAX_RADIUS));
            }
            for (int b = a + 1; b < n; b++) {
                double dx = x[3 * a] - x[3 * b];
                double dy = x[3 * a + 1] - x[3 * b + 1];
                double dz = x[3 * a + 2] - x[3 * b + 2];
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (d < minDistance) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "reaction %s: atoms %d and %d of the %s overlap (%.3f Å apart, less than %.2f Å)",
                            id, a, b, role, d, minDistance));
                }
                nearest[a] = Math.min(nearest[a], d);
                nearest[b] = Math.min(nearest[b], d);
            }
        }
        for (int a = 0; a < n && n > 1; a++) {
            if (nearest[a] > MAX_NEIGHBOUR_DISTANCE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "reaction %s: atom %d of the %s has no other atom within %.0f Å (nearest %.4g Å): a detached atom "
                                + "or a broken coordinate?", id, a, role, MAX_NEIGHBOUR_DISTANCE, nearest[a]));
            }
        }
    }

    private static double square(double v) {
        return v * v;
    }
}
