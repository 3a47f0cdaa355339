/** Training a TS-GEN model with the engine's trainer, and exporting it with its provenance. */
package io.flowkit.molecules.train;
