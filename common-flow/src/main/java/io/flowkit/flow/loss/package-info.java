/** The training loss: per-sample weighted velocity MSE plus named auxiliary terms. */
package io.flowkit.flow.loss;
