/** The three training stages of PUFM++: straight flow, Chamfer refinement, adaptive time schedule. */
package io.flowkit.pointclouds.train;
