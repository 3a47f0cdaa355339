/**
 * Checkpoints: parameters, optimizer moments, EMA weights and the random state, with JSON
 * provenance (configuration, seed, data set, versions, metrics) so that a result can be traced.
 */
package io.flowkit.flow.checkpoint;
