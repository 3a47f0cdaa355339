/** Where states live: Euclidean space, or the rotation group SO(3) with its exponential and logarithm maps. */
package io.flowkit.flow.manifold;
