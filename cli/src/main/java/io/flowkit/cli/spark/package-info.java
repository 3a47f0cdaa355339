/** {@code flowkit spark}: batch generation on Apache Spark (local mode by default, a cluster by {@code --master}). */
package io.flowkit.cli.spark;
