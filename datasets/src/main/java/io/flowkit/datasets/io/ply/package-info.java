/** The PLY format (Stanford polygon file): a reader for every encoding and a writer for vertices and triangles. */
package io.flowkit.datasets.io.ply;
