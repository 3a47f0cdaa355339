package io.flowkit.validation.molecule.energy;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Harmonic vibrational frequencies from an xtb Hessian ({@code --hess}), in cm⁻¹ in xtb's order
 * (ascending), with imaginary frequencies given as negative numbers. The 6 translations and
 * rotations (5 for a linear molecule, as xtb reports it) are left out, so a molecule of N atoms
 * has 3N − 6 (3N − 5) frequencies.
 *
 * <p>A frequency counts as imaginary when it is below −{@link #DEFAULT_IMAGINARY_THRESHOLD_CM};
 * xtb uses the same 5 cm⁻¹ cut-off when it reports "significant imaginary frequencies". The
 * frequencies are those of the geometry as given: at a geometry that is not a stationary point of
 * the method (for example a DFT transition state evaluated with GFN2-xTB) they describe the local
 * curvature only.
 */
public final class XtbFrequencies {

    /** The magnitude in cm⁻¹ below which a negative frequency is treated as numerical noise: 5. */
    public static final double DEFAULT_IMAGINARY_THRESHOLD_CM = 5.0;

    private final double[] frequencies;
    private final boolean linear;
    private final XtbEnergy energy;

    XtbFrequencies(double[] frequencies, boolean linear, XtbEnergy energy) {
        this.frequencies = frequencies.clone();
        this.linear = linear;
        this.energy = energy;
    }

    /** @return a copy of the vibrational frequencies in cm⁻¹, imaginary ones negative, ascending */
    public double[] frequenciesCm() {
        return frequencies.clone();
    }

    /** @return the number of vibrational frequencies, 3N − 6 (3N − 5 for a linear molecule) */
    public int modeCount() {
        return frequencies.length;
    }

    /** @return whether xtb treated the molecule as linear (5 instead of 6 rigid-body modes) */
    public boolean linear() {
        return linear;
    }

    /** @return the number of frequencies below −{@link #DEFAULT_IMAGINARY_THRESHOLD_CM} */
    public int imaginaryCount() {
        return imaginaryCount(DEFAULT_IMAGINARY_THRESHOLD_CM);
    }

    /**
     * @param thresholdCm magnitude in cm⁻¹ (non-negative) a negative frequency must exceed to count
     * @return the number of frequencies below −thresholdCm
     * @throws IllegalArgumentException if the threshold is negative or not finite
     */
    public int imaginaryCount(double thresholdCm) {
        if (!(thresholdCm >= 0) || !Double.isFinite(thresholdCm)) {
            throw new IllegalArgumentException("imaginary threshold is not non-negative and finite: " + thresholdCm);
        }
        int n = 0;
        for (double f : frequencies) {
            if (f < -thresholdCm) {
                n++;
            }
        }
        return n;
    }

    /** @return whether exactly one frequency is imaginary (a first-order saddle point, as a transition state is) */
    public boolean isFirstOrderSaddlePoint() {
        return imaginaryCount() == 1;
    }

    /** @return the total energy at this geometry from the same xtb run */
    public XtbEnergy energy() {
        return energy;
    }

    /** @return the folder with xtb's files ({@code vibspectrum}, {@code g98.out}, {@code hessian}) when kept */
    public Optional<Path> files() {
        return energy.files();
    }

    @Override
    public String toString() {
        return "XtbFrequencies[" + frequencies.length + " modes, " + imaginaryCount() + " imaginary]";
    }
}
