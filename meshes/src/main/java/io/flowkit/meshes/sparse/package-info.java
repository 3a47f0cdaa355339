/**
 * Sparse symmetric positive definite linear algebra: a fill-reducing nested-dissection ordering by
 * coordinate bisection, and a sparse Cholesky factorisation (EJML's up-looking factorisation after
 * that ordering) that is factored once and solved many times, for several right-hand sides at once.
 */
package io.flowkit.meshes.sparse;
