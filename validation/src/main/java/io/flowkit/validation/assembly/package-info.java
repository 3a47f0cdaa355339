/**
 * Shape-assembly metrics: part accuracy with Hungarian matching, rotation and translation errors,
 * shape Chamfer distance and success rates at thresholds.
 */
package io.flowkit.validation.assembly;
