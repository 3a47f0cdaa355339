/**
 * Intrinsic finite-element operators of a triangle mesh used by the mesh flow: per-face gradients
 * of piecewise-linear signals, their adjoint (the weak divergence) and the regularised Poisson
 * solve that turns a face field back into a vertex signal.
 */
package io.flowkit.meshes.operators;
