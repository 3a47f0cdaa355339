/**
 * Checks and small geometric helpers for indexed triangle meshes given as primitive arrays (the
 * form the Laplacian and the metrics take), shared by every module.
 */
package io.flowkit.core.mesh;
