/**
 * Transition states on Spark: reactions as rows (geometries or atom-mapped SMILES), the partition
 * function that runs flowkit's record pipeline on each executor, and the writers (Parquet, or one
 * SDF/XYZ file in input order).
 */
package io.flowkit.spark.tsgen;
