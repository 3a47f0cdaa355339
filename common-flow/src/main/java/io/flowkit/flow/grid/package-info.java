/**
 * Time grids for fixed-step solvers, from the source ({@code t = 0}) to the data ({@code t = 1}):
 * uniform, cosine, placed by a CDF (PUFM++), and Bellman-optimal step sizes (BOSS).
 */
package io.flowkit.flow.grid;
