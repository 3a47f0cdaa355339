/**
 * Representation alignment for the assembly flow after TORA ("TORA: Topological Representation
 * Alignment for 3D Shape Assembly", 2026): a frozen teacher encoder pretrained here on contact
 * prediction, and the CKA or cosine loss that pulls the flow's middle-layer features toward it.
 */
package io.flowkit.assembly.align;
