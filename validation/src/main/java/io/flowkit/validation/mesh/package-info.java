/**
 * Spectral geometry of triangle meshes and statistics of random fields on them: the cotangent
 * Laplacian and lumped mass matrix (EJML sparse), the smallest eigenpairs of {@code Lφ = λMφ}
 * (shift-invert block Lanczos), area-weighted statistics, spectral profiles, and a comparison of
 * sample fields on two triangulations of one surface with Monte-Carlo error bars.
 */
package io.flowkit.validation.mesh;
