/** Molecules (elements, positions in Å, charge, multiplicity, bonds) and reactions (reactant, product, transition state, energies in eV). */
package io.flowkit.datasets.molecule;
