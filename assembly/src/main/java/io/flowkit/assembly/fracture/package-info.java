/**
 * Planar fractures, made reproducibly from a seed: closed meshes cut by random planes or into
 * Voronoi cells with Commons Geometry's BSP trees, and polygons cut into Voronoi cells with JTS.
 * These are geometric fractures with flat faces, unlike physically simulated ones such as
 * Breaking Bad's.
 */
package io.flowkit.assembly.fracture;
