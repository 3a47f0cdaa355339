/**
 * Energies of molecular structures from the semi-empirical tight-binding program xtb (GFN2-xTB by
 * default), run as an external process: single points, vibrational frequencies from the Hessian,
 * and the comparison of generated with reference transition states (energy error in kcal/mol,
 * first-order saddle-point check).
 *
 * <p>{@link io.flowkit.validation.molecule.energy.XtbCalculator} runs one molecule per call in a
 * fresh temporary folder, with a timeout; {@link io.flowkit.validation.molecule.energy.TransitionStateEnergies}
 * runs batches in parallel and reports failed records without aborting. Energies are in hartree
 * (Eh) and kcal/mol, frequencies in cm⁻¹ with imaginary ones negative.
 */
package io.flowkit.validation.molecule.energy;
