/**
 * Assembly examples as Rectified Point Flow prepares them: points sampled on each part in
 * proportion to its area, the object centred and scaled, the largest part as the anchor in its
 * pose and every other part centred and randomly rotated.
 */
package io.flowkit.assembly.data;
