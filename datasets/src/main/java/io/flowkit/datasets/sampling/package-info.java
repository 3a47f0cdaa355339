/** Sampling points on meshes and clouds: uniform by area, Poisson-disk by sample elimination, farthest-point. */
package io.flowkit.datasets.sampling;
