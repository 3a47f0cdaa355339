package io.flowkit.molecules;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.molecule.Molecule;

/** Small molecules and rigid motions for tests. */
public final class Molecules {

    private Molecules() {}

    /** Hydroxyacetonitrile-like 7-atom geometry (O, C, C, N, H, H, H), Å. */
    public static Molecule reactant() {
        return Molecule.of(new int[] {8, 6, 6, 7, 1, 1, 1}, new double[] {
            1.20, 0.10, 0.00, 0.00, 0.70, 0.10, -1.20, -0.05, 0.00, -2.15, -0.70, -0.05,
            1.95, 0.70, 0.10, 0.05, 1.35, 0.95, 0.00, 1.40, -0.75});
    }

    /** The same atoms moved: a hydrogen shifted and the chain bent. */
    public static Molecule product() {
        return Molecule.of(new int[] {8, 6, 6, 7, 1, 1, 1}, new double[] {
            1.25, 0.00, 0.10, 0.05, 0.75, 0.00, -1.15, 0.05, 0.15, -2.05, -0.60, 0.30,
            -0.40, 1.60, -0.20, 0.10, 1.30, 0.98, 2.05, 0.55, 0.05});
    }

    /** Rotates and translates a molecule rigidly. */
    public static Molecule move(Molecule m, double[] rotationVector, double[] shift) {
        double[] r = So3.exp(rotationVector);
        return m.withPositions(So3.transformPoints(r, shift, m.positions()));
    }
}
