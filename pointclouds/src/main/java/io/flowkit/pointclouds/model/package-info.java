/** The PUFM++ network (a recurrent interface network sized for a CPU) and the stored model. */
package io.flowkit.pointclouds.model;
