/** The {@code flowkit} command line: it wires the library's entry points into commands and holds no method of its own. */
package io.flowkit.cli;
