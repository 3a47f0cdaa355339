/**
 * The Laplace–Beltrami operator of a triangle mesh given as arrays: {@link
 * io.flowkit.core.laplace.LaplaceBeltrami} (the robust Laplacian of Sharp and Crane 2020 by default,
 * the classic cotangent Laplacian on request) and {@link io.flowkit.core.laplace.ShiftedLaplacian}
 * ({@code L + sM} and its factor), shared by the mesh method and the spectral metrics.
 */
package io.flowkit.core.laplace;
