/**
 * Matérn Gaussian random field noise on triangle meshes, a source distribution for flow matching
 * whose statistics are a property of the surface rather than of its triangulation ("Matérn Noise
 * for Triangulation-Agnostic Flow Matching on Meshes", 2026; Lindgren, Rue and Lindström 2011,
 * "An explicit link between Gaussian fields and Gaussian Markov random fields: the stochastic
 * partial differential equation approach").
 */
package io.flowkit.meshes.noise;
