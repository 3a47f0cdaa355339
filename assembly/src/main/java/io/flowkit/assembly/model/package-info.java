/** The assembly flow's network and model (Rectified Point Flow, sized for a CPU). */
package io.flowkit.assembly.model;
