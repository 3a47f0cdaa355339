/** Generating transition states with a trained TS-GEN model: batched ODE solves, several samples per reaction and a rule to choose one. */
package io.flowkit.molecules.generate;
