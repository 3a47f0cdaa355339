/** Speed benchmarks of the metrics on real data (a main class that prints figures). */
package io.flowkit.validation.bench;
