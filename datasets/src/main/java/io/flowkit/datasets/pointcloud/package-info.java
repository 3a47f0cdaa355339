/** Point clouds: positions with optional normals. */
package io.flowkit.datasets.pointcloud;
