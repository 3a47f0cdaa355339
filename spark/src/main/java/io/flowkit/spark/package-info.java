/**
 * flowkit's generators on Apache Spark 3.5, for work that outgrows one machine: transition states
 * for a Dataset of reactions ({@link io.flowkit.spark.tsgen.SparkTsGen}) and upsampling of a folder
 * of point clouds ({@link io.flowkit.spark.upsample.SparkUpsample}). Each executor JVM loads a model
 * once ({@link io.flowkit.spark.ExecutorModels}); every record carries its status and error in its
 * row, so one bad record never fails a job; results equal the single-process commands' for the same
 * seed. On Java 17 the JVMs need {@link io.flowkit.spark.FlowkitSpark#JAVA_OPTIONS}.
 */
package io.flowkit.spark;
