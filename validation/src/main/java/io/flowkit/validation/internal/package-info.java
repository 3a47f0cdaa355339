/**
 * Implementation details, not API: argument checks, sparse assembly and Cholesky with a
 * nested-dissection ordering, the triangle bounding-volume hierarchy and point-triangle distance.
 */
package io.flowkit.validation.internal;
