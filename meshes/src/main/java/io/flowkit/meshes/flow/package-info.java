/**
 * Flow matching of signals on triangle meshes, independent of the triangulation ("Matérn Noise for
 * Triangulation-Agnostic Flow Matching on Meshes", 2026): Matérn noise as the source, a straight
 * path to the data, and a PoissonNet-style denoiser whose operators are all intrinsic, so that one
 * trained model runs on any triangulation of the surface.
 */
package io.flowkit.meshes.flow;
