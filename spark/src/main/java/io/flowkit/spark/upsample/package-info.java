/**
 * Point cloud upsampling on Spark: a folder of clouds to a folder of upsampled clouds, one task per
 * group of files, each file written whole (temporary file and move) by the executor that made it.
 */
package io.flowkit.spark.upsample;
