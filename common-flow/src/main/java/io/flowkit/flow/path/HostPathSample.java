package io.flowkit.flow.path;

/**
 * A batch of points on a path and their target velocities, on the host.
 *
 * @param xt the interpolated states {@code x_t}, laid out like the inputs
 * @param ut the target velocities {@code u_t = α'_t x1 + σ'_t x0}
 */
public record HostPathSample(float[] xt, float[] ut) {}
