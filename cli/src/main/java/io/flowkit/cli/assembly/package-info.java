/** {@code flowkit assembly}: fracturing, training and evaluation of the assembly flow. */
package io.flowkit.cli.assembly;
