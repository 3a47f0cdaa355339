package io.flowkit.datasets.molecule;

import io.flowkit.datasets.internal.Checks;

/**
 * Total electronic energies of the three stationary points of a reaction, in electronvolts (eV),
 * the unit of the Transition1x release.
 *
 * @param reactantEv energy of the reactant in eV
 * @param transitionStateEv energy of the transition state in eV
 * @param productEv energy of the product in eV
 */
public record ReactionEnergies(double reactantEv, double transitionStateEv, double productEv) {

    /** One electronvolt in kcal/mol (CODATA 2018). */
    public static final double KCAL_PER_MOL_PER_EV = 23.060547830619026;

    /**
     * Checks that every energy is finite.
     *
     * @param reactantEv reactant energy in eV
     * @param transitionStateEv transition-state energy in eV
     * @param productEv product energy in eV
     */
    public ReactionEnergies {
        Checks.checkFinite(reactantEv, "reactant energy");
        Checks.checkFinite(transitionStateEv, "transition state energy");
        Checks.checkFinite(productEv, "product energy");
    }

    /** @return the forward barrier E(TS) − E(R) in eV */
    public double forwardBarrierEv() {
        return transitionStateEv - reactantEv;
    }

    /** @return the reverse barrier E(TS) − E(P) in eV */
    public double reverseBarrierEv() {
        return transitionStateEv - productEv;
    }

    /** @return the reaction energy E(P) − E(R) in eV */
    public double reactionEnergyEv() {
        return productEv - reactantEv;
    }
}
