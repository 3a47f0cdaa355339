/** Physics refinement of generated transition states with GFN2-xTB (optional; needs the xtb program). */
package io.flowkit.molecules.refine;
