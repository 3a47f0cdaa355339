/**
 * Loaders of the real data sets under {@code FLOWKIT_DATA} (see {@code io.flowkit.core.io.DataLocation}):
 * reactions, point clouds, meshes and fractured objects.
 */
package io.flowkit.datasets.catalog;
