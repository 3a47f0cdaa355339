/**
 * flowkit's conditional flow matching engine.
 *
 * <p>One time convention holds everywhere: {@code t = 0} is the source (noise or a prior) and
 * {@code t = 1} is the data. A probability path interpolates {@code x_t} between a source sample
 * {@code x0} and a data sample {@code x1}; a network learns the velocity {@code dx_t/dt}; an ODE
 * solver integrates it from {@code t = 0} to {@code t = 1}.
 */
package io.flowkit.flow;
