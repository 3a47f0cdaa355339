/**
 * The classic 2D distributions of the flow matching literature (8 Gaussians, two moons,
 * checkerboard, standard normal) and a data source pairing two of them, for the engine's
 * benchmark and tests.
 */
package io.flowkit.flow.toy;
