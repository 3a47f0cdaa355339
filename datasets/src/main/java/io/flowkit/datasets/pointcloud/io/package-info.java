/** Point-cloud file formats: {@code .xyz} (3 or 6 columns) and PLY. */
package io.flowkit.datasets.pointcloud.io;
