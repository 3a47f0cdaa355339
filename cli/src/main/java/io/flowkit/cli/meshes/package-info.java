/** {@code flowkit mesh}: Matérn noise, training and generation of signals on triangle meshes. */
package io.flowkit.cli.meshes;
