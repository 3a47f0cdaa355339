/**
 * ODE solvers that integrate a velocity field from the source ({@code t = 0}) to the data
 * ({@code t = 1}): explicit Runge-Kutta methods on any time grid (Euler, midpoint, Heun, RK4) and
 * the adaptive Dormand-Prince 5(4) method, each counting function evaluations and optionally
 * keeping the trajectory.
 */
package io.flowkit.flow.solve;
