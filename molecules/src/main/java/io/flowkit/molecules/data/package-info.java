/** Training data for TS-GEN: the documented split of the Grambow reactions and the batch source of the trainer. */
package io.flowkit.molecules.data;
