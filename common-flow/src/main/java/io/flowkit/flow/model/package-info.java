/**
 * Velocity fields: the network {@code v(x_t, t, condition)} behind a small interface over a DJL
 * {@code Block} ({@code t = 0} source, {@code t = 1} data), a multilayer perceptron for vector
 * data, time features and seeded parameter initialisation.
 */
package io.flowkit.flow.model;
