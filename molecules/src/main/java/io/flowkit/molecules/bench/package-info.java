/** The TS-GEN benchmark: RMSD (and xTB energies) on the test split, side by side with the 2020 model and the aligned midpoint. */
package io.flowkit.molecules.bench;
