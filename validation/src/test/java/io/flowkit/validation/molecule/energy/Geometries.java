package io.flowkit.validation.molecule.energy;

import io.flowkit.datasets.molecule.Molecule;

/** Small test molecules, positions in Å. */
final class Geometries {

    private Geometries() {}

    /**
     * Water at its GFN2-xTB minimum (optimised once with xtb 6.5.1, {@code --opt tight}; the energy
     * there is the published GFN2-xTB value, not this geometry).
     */
    static Molecule water() {
        return Molecule.builder().setAtomicNumbers(new int[] {8, 1, 1})
                .setPositions(new double[] {0, 0, 0.10551576, 0, 0.77214834, -0.46325788, 0, -0.77214834, -0.46325788})
                .optTitle("water").build();
    }

    /**
     * A tetrahedral XH4 (methane, ammonium) with a given bond length.
     *
     * @param centre atomic number of the centre
     * @param bond X-H distance in Å
     */
    static Molecule tetrahedral(int centre, double bond) {
        double a = bond / Math.sqrt(3);
        return Molecule.of(new int[] {centre, 1, 1, 1, 1},
                new double[] {0, 0, 0, a, a, a, -a, -a, a, -a, a, -a, a, -a, -a});
    }

    /** H2 along z with a given bond length in Å. */
    static Molecule hydrogen(double bond) {
        return Molecule.of(new int[] {1, 1}, new double[] {0, 0, 0, 0, 0, bond});
    }

    /** Methylene CH2 (bent, 1.08 Å, 135°) with a given multiplicity. */
    static Molecule methylene(int multiplicity) {
        double half = Math.toRadians(135) / 2;
        double y = 1.08 * Math.sin(half);
        double z = 1.08 * Math.cos(half);
        return Molecule.builder().setAtomicNumbers(new int[] {6, 1, 1})
                .setPositions(new double[] {0, 0, 0, 0, y, z, 0, -y, z}).optCharge(0).optMultiplicity(multiplicity)
                .build();
    }
}
