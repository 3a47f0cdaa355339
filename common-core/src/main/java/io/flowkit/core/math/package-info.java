/**
 * Small numerical kernels shared by the flow engine and the metrics, in plain Java without
 * dependencies: optimal linear assignment, entropic optimal transport and rotations of SO(3).
 */
package io.flowkit.core.math;
