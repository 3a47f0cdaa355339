/**
 * The training loop of conditional flow matching: data source, coupling, time sampler, path,
 * network, loss, Adam or AdamW with a learning-rate schedule, gradient clipping, EMA weights,
 * progress, checkpoints and bit-for-bit resume.
 */
package io.flowkit.flow.train;
