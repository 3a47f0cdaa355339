/**
 * Transition-state geometries by conditional flow matching (TS-GEN: "Accurate generation of
 * chemical reaction transition states by conditional flow matching", 2025). Given the reactant R and
 * the product P of a reaction (same atoms, same order), a flow carries a prior ({@code t = 0}) to
 * the transition state ({@code t = 1}) in one deterministic ODE solve. {@link
 * io.flowkit.molecules.TsGen} is the one-line entry point; {@link
 * io.flowkit.molecules.generate.TransitionStateGenerator} the configurable one.
 */
package io.flowkit.molecules;
