/** Molecule and reaction formats: XYZ and extended XYZ, SDF/MOL through CDK, CDK containers, parallel SDF reaction triplets, Transition1x HDF5. */
package io.flowkit.datasets.molecule.io;
