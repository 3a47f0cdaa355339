/**
 * Transition states from atom-mapped reaction SMILES: {@link io.flowkit.molecules.smiles.MappedReaction}
 * (parse and check the maps with CDK, atoms in map order), {@link
 * io.flowkit.molecules.smiles.ReactionGeometries} (3D conformers with CDK, GFN2-xTB optimisation, the
 * closest reactant/product pair) and {@link io.flowkit.molecules.smiles.StageException} (which stage
 * failed).
 */
package io.flowkit.molecules.smiles;
