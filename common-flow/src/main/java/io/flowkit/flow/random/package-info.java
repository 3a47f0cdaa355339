/** Seeded, restorable random numbers: every random draw of the engine comes from here. */
package io.flowkit.flow.random;
