/**
 * Distances between sample distributions, for comparing generated sets with held-out sets: kernel
 * MMD ({@link io.flowkit.validation.distribution.Mmd}), energy distance
 * ({@link io.flowkit.validation.distribution.EnergyDistance}), and the nearest-neighbour set
 * metrics coverage, minimum matching distance and 1-nearest-neighbour accuracy, with any
 * {@link io.flowkit.validation.distribution.SampleDistance} (Euclidean by default, Chamfer for
 * point clouds).
 */
package io.flowkit.validation.distribution;
