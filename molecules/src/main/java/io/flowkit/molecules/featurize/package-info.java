/** From reactions to tensors: element vocabulary, the reactant-centred frame with P and TS superposed on R, padded batches. */
package io.flowkit.molecules.featurize;
