/** Indexed triangle meshes with per-vertex signals, and linear blend skinning. */
package io.flowkit.datasets.mesh;
