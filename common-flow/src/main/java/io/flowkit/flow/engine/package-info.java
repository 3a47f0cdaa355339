/** Start-up of the DJL PyTorch engine with flowkit's settings: offline natives, threads, gradient mode. */
package io.flowkit.flow.engine;
