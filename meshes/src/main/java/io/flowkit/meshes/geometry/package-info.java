/**
 * Mesh utilities for the noise and its benchmarks: checks that a mesh can carry a Laplacian
 * (manifold edges, no degenerate triangles, no isolated vertices), scaling to the unit box, and
 * midpoint subdivision.
 */
package io.flowkit.meshes.geometry;
