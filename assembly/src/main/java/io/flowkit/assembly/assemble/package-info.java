/** Assembling parts with a trained flow: sampling from noise, then each part's pose by Kabsch. */
package io.flowkit.assembly.assemble;
