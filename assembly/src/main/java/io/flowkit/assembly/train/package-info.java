/** Training of the assembly flow, and the synthetic fracture data it learns from. */
package io.flowkit.assembly.train;
