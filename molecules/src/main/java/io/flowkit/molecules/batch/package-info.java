/**
 * Transition states for many reactions, record by record: the input records (paired geometry
 * files or a file of atom-mapped reaction SMILES), the pipeline that turns them into transition
 * states while reporting each failure in its record, and the per-record outcome. The command line
 * and the Spark jobs both run this pipeline, so they give the same result for the same seed.
 */
package io.flowkit.molecules.batch;
