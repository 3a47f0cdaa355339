/**
 * Sparse symmetric matrices and their factorisation, the one home of sparse linear algebra in
 * flowkit: {@link io.flowkit.core.sparse.SparseAssembly} (triplets to EJML compressed columns),
 * {@link io.flowkit.core.sparse.CoordinateBisection} and {@link
 * io.flowkit.core.sparse.NestedDissection} (fill-reducing orderings), {@link
 * io.flowkit.core.sparse.SparseCholesky} (factor once, solve many right-hand sides).
 */
package io.flowkit.core.sparse;
