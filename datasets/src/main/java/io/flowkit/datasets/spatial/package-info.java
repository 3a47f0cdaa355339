/** Spatial indexes for nearest-neighbour and radius queries on 3D points. */
package io.flowkit.datasets.spatial;
