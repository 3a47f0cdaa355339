/**
 * Signals on triangle meshes that do not depend on the triangulation: Matérn Gaussian random field
 * noise ("Matérn Noise for Triangulation-Agnostic Flow Matching on Meshes", 2026) and the sparse
 * linear algebra and mesh utilities it needs.
 */
package io.flowkit.meshes;
