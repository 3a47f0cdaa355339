/**
 * Reassembly of fractured parts: planar fractures for training data ({@code fracture}), the
 * assembly flow on points (Rectified Point Flow) and its evaluation.
 */
package io.flowkit.assembly;
