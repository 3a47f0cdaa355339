/**
 * Small numerical kernels shared by the flow engine and the metrics, in plain Java without
 * dependencies: optimal linear assignment, entropic optimal transport, rotations of SO(3) and optimal superposition of
 * point sets (Kabsch).
 */
package io.flowkit.core.math;
