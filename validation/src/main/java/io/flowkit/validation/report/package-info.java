/**
 * Reports: a result table that prints as aligned text and Markdown and reads and writes JSON, and
 * PNG figures drawn headless (JFreeChart scatter grids and line plots, a Java2D view of point clouds
 * and meshes), all written through a temporary file and a move.
 */
package io.flowkit.validation.report;
