/**
 * The pose-space assembly flow, as in GARF (Li et al. 2025, "GARF: Learning Generalizable 3D
 * Reassembly for Real-World Fractures"): each part's pose flows on SO(3) × R³ from a random pose to
 * the assembled one, rotations along geodesics by exp/log. The network is the point flow's
 * ({@link io.flowkit.assembly.model.PointFlowNetwork}), trained on the velocities that the rigid
 * motion gives each point; at sampling, each part's angular and linear velocity are recovered from
 * its points' predicted velocities by least squares, which keeps every part rigid along the way.
 */
package io.flowkit.assembly.pose;
