/**
 * The assembly benchmark: test sets (held-out synthetic fractures, the 2D task, the real Breaking
 * Bad and PartNet samples), the scores over a set, and the convergence study of TORA's alignment.
 */
package io.flowkit.assembly.bench;
