package io.flowkit.validation.molecule.energy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of an xtb single point: the total energy (electronic energy plus nuclear repulsion,
 * including dispersion; with solvation when a solvent was set) in hartree (Eh) and kcal/mol, the
 * gradient norm and the HOMO-LUMO gap, together with the method, charge and number of unpaired
 * electrons it was computed with.
 */
public final class XtbEnergy {

    /**
     * Kilocalories per mole in one hartree: 627.509474 (CODATA 2018 hartree energy times the Avogadro
     * constant, 2625.49964 kJ/mol, divided by 4.184 kJ/kcal, the thermochemical calorie).
     */
    public static final double KCAL_PER_MOL_PER_HARTREE = 627.5094740631;

    private final double energyHartree;
    private final double gradientNorm;
    private final double homoLumoGapEv;
    private final XtbMethod method;
    private final int charge;
    private final int unpairedElectrons;
    private final Path files;

    XtbEnergy(double energyHartree, double gradientNorm, double homoLumoGapEv, XtbMethod method, int charge,
            int unpairedElectrons, Path files) {
        if (!Double.isFinite(energyHartree)) {
            throw new IllegalArgumentException("energy is not finite: " + energyHartree);
        }
        this.energyHartree = energyHartree;
        this.gradientNorm = gradientNorm;
        this.homoLumoGapEv = homoLumoGapEv;
        this.method = Objects.requireNonNull(method, "method");
        this.charge = charge;
        this.unpairedElectrons = unpairedElectrons;
        this.files = files;
    }

    /**
     * Converts an energy from hartree to kcal/mol with {@link #KCAL_PER_MOL_PER_HARTREE}.
     *
     * @param hartree energy in Eh
     * @return energy in kcal/mol
     */
    public static double toKcalPerMol(double hartree) {
        return hartree * KCAL_PER_MOL_PER_HARTREE;
    }

    /** @return the total energy in hartree (Eh), as xtb prints it in the line "TOTAL ENERGY ... Eh" */
    public double energyHartree() {
        return energyHartree;
    }

    /** @return the total energy in kcal/mol (only differences between energies are meaningful) */
    public double energyKcalPerMol() {
        return toKcalPerMol(energyHartree);
    }

    /** @return the norm of the energy gradient in Eh/bohr, or empty when xtb did not print it */
    public OptionalDouble gradientNorm() {
        return Double.isNaN(gradientNorm) ? OptionalDouble.empty() : OptionalDouble.of(gradientNorm);
    }

    /** @return the HOMO-LUMO gap in eV, or empty when the method has none (GFN-FF) */
    public OptionalDouble homoLumoGapEv() {
        return Double.isNaN(homoLumoGapEv) ? OptionalDouble.empty() : OptionalDouble.of(homoLumoGapEv);
    }

    /** @return the method used */
    public XtbMethod method() {
        return method;
    }

    /** @return the total charge passed to xtb ({@code --chrg}) */
    public int charge() {
        return charge;
    }

    /** @return the number of unpaired electrons passed to xtb ({@code --uhf}), multiplicity − 1 */
    public int unpairedElectrons() {
        return unpairedElectrons;
    }

    /** @return the folder with xtb's files when the calculator keeps them, otherwise empty */
    public Optional<Path> files() {
        return Optional.ofNullable(files);
    }

    @Override
    public String toString() {
        return "XtbEnergy[" + method.displayName() + ", " + energyHartree + " Eh, charge " + charge + ", unpaired "
                + unpairedElectrons + "]";
    }
}
