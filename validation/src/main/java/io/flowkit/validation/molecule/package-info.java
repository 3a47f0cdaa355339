/**
 * Molecular geometry metrics: RMSD after Kabsch superposition (proper, or allowing a mirror
 * image), per-atom and per-reaction errors, and summaries with shares below thresholds, in Å.
 */
package io.flowkit.validation.molecule;
