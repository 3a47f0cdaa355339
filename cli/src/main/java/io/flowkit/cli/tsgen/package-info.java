/** {@code flowkit tsgen}: train, generate and evaluate transition states. */
package io.flowkit.cli.tsgen;
