/** Triangle-mesh file formats: OFF, PLY, OBJ, STL, and libigl's dmat matrices. */
package io.flowkit.datasets.mesh.io;
