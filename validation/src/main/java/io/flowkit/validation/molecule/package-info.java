/**
 * Molecular geometry metrics: RMSD after Kabsch superposition (proper, or allowing a mirror
 * image; symmetry-corrected over the interchangeable atoms of {@link AtomSymmetry}), per-atom and
 * per-reaction errors, and summaries with shares below thresholds, in Å.
 */
package io.flowkit.validation.molecule;
