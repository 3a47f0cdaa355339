/** The {@code upsample} and {@code pointclouds} commands (PUFM++ upsampling). */
package io.flowkit.cli.pointclouds;
