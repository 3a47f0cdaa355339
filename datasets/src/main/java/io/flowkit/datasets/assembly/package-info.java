/** Fractured and multi-part objects: parts (meshes or point clouds) with the rigid poses that assemble them. */
package io.flowkit.datasets.assembly;
