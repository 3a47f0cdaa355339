/**
 * The TS-GEN velocity network: an E(3)-equivariant message-passing network with scalar and vector
 * channels per atom (PaiNN, Schütt et al. 2021), conditioned on the reactant and product through
 * distances and difference vectors only, so that rotating R, P and the state together rotates the
 * predicted velocity; and the priors it starts from.
 */
package io.flowkit.molecules.model;
