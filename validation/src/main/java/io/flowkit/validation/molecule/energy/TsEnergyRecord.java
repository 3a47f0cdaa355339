package io.flowkit.validation.molecule.energy;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The energy comparison of one generated transition state with its reference: both xtb energies
 * in hartree, their difference ΔE = E(generated) − E(reference) in kcal/mol, the RMSD between the
 * two geometries in Å, and, when the saddle-point check ran, the number of imaginary frequencies
 * of each. A failed record carries the reason instead; its numbers are NaN.
 */
public final class TsEnergyRecord {

    private static final int NOT_CHECKED = -1;

    private final int index;
    private final String id;
    private final double rmsdAngstrom;
    private final double referenceHartree;
    private final double generatedHartree;
    private final int referenceImaginary;
    private final int generatedImaginary;
    private final String failure;

    private TsEnergyRecord(int index, String id, double rmsdAngstrom, double referenceHartree, double generatedHartree,
            int referenceImaginary, int generatedImaginary, String failure) {
        if (index < 0) {
            throw new IllegalArgumentException("index is negative: " + index);
        }
        this.index = index;
        this.id = Objects.requireNonNull(id, "id");
        this.rmsdAngstrom = rmsdAngstrom;
        this.referenceHartree = referenceHartree;
        this.generatedHartree = generatedHartree;
        this.referenceImaginary = referenceImaginary;
        this.generatedImaginary = generatedImaginary;
        this.failure = failure;
    }

    /**
     * A record whose energies were computed, without a saddle-point check.
     *
     * @param index position in the batch, from 0
     * @param id identifier (reaction id or index)
     * @param rmsdAngstrom RMSD between generated and reference geometry after superposition, in Å
     * @param referenceHartree xtb energy of the reference TS in Eh
     * @param generatedHartree xtb energy of the generated TS in Eh
     * @return the record
     * @throws IllegalArgumentException on a negative index or a non-finite energy
     */
    public static TsEnergyRecord of(int index, String id, double rmsdAngstrom, double referenceHartree,
            double generatedHartree) {
        return withImaginaryCounts(index, id, rmsdAngstrom, referenceHartree, generatedHartree, NOT_CHECKED, NOT_CHECKED);
    }

    /**
     * A record whose energies and frequencies were computed.
     *
     * @param index position in the batch, from 0
     * @param id identifier
     * @param rmsdAngstrom RMSD in Å
     * @param referenceHartree energy of the reference TS in Eh
     * @param generatedHartree energy of the generated TS in Eh
     * @param referenceImaginary imaginary frequencies of the reference TS (−1: not checked)
     * @param generatedImaginary imaginary frequencies of the generated TS (−1: not checked)
     * @return the record
     * @throws IllegalArgumentException on a negative index, a non-finite energy or a count below −1
     */
    public static TsEnergyRecord withImaginaryCounts(int index, String id, double rmsdAngstrom, double referenceHartree,
            double generatedHartree, int referenceImaginary, int generatedImaginary) {
        if (!Double.isFinite(referenceHartree) || !Double.isFinite(generatedHartree)) {
            throw new IllegalArgumentException("record " + index + " (" + id + ") has a non-finite energy: reference "
                    + referenceHartree + ", generated " + generatedHartree);
        }
        if (referenceImaginary < NOT_CHECKED || generatedImaginary < NOT_CHECKED) {
            throw new IllegalArgumentException("record " + index + " (" + id + ") has a negative imaginary-mode count");
        }
        return new TsEnergyRecord(index, id, rmsdAngstrom, referenceHartree, generatedHartree, referenceImaginary,
                generatedImaginary, null);
    }

    /**
     * A record that could not be computed.
     *
     * @param index position in the batch, from 0
     * @param id identifier
     * @param reason why (an {@link XtbException} message, a mismatched atom order)
     * @return the record
     */
    public static TsEnergyRecord failed(int index, String id, String reason) {
        return new TsEnergyRecord(index, id, Double.NaN, Double.NaN, Double.NaN, NOT_CHECKED, NOT_CHECKED,
                Objects.requireNonNull(reason, "reason"));
    }

    /** @return the position in the batch, from 0 */
    public int index() {
        return index;
    }

    /** @return the identifier */
    public String id() {
        return id;
    }

    /** @return whether the energies were computed */
    public boolean succeeded() {
        return failure == null;
    }

    /** @return why the record failed, or empty */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return the RMSD between generated and reference geometry in Å (NaN when failed) */
    public double rmsdAngstrom() {
        return rmsdAngstrom;
    }

    /** @return the xtb energy of the reference TS in Eh (NaN when failed) */
    public double referenceHartree() {
        return referenceHartree;
    }

    /** @return the xtb energy of the generated TS in Eh (NaN when failed) */
    public double generatedHartree() {
        return generatedHartree;
    }

    /** @return ΔE = E(generated) − E(reference) in kcal/mol (NaN when failed) */
    public double deltaKcalPerMol() {
        return XtbEnergy.toKcalPerMol(generatedHartree - referenceHartree);
    }

    /** @return the imaginary frequencies of the reference TS, when the saddle-point check ran */
    public OptionalInt referenceImaginaryCount() {
        return referenceImaginary == NOT_CHECKED ? OptionalInt.empty() : OptionalInt.of(referenceImaginary);
    }

    /** @return the imaginary frequencies of the generated TS, when the saddle-point check ran */
    public OptionalInt generatedImaginaryCount() {
        return generatedImaginary == NOT_CHECKED ? OptionalInt.empty() : OptionalInt.of(generatedImaginary);
    }

    @Override
    public String toString() {
        return succeeded() ? "TsEnergyRecord[" + index + " " + id + ", ΔE=" + deltaKcalPerMol() + " kcal/mol]"
                : "TsEnergyRecord[" + index + " " + id + " failed: " + failure + "]";
    }
}
