/**
 * The engine's benchmarks: the 2D benchmark (couplings, solvers and time grids on classic 2D
 * targets) and the speed benchmark against PyTorch eager. Distances between sample sets are
 * supplied by the caller (flowkit's {@code validation} module in the CLI).
 */
package io.flowkit.flow.bench;
