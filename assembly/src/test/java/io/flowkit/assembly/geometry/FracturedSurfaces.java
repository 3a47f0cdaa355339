package io.flowkit.assembly.geometry;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.fracture.MeshFracture;
import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.util.ArrayList;
import java.util.List;

/** A real mesh cut into parts, prepared as the assembly data is, with each part's dense surface. */
record FracturedSurfaces(AssemblyExample example, List<PartSurface> parts) {

    /** Cuts a mesh of {@code meshes/cgal} into parts, samples it and moves the parts apart (seeded). */
    static FracturedSurfaces of(String mesh, int parts, int points, long seed) throws Exception {
        TriangleMesh m = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve(mesh + ".off"));
        List<TriangleMesh> pieces = MeshFracture.fracture(m, parts, seed);
        AssemblyExample e = AssemblyPreparation.builder().optPoints(points).build().prepare(mesh, pieces, seed);
        List<PartSurface> surfaces = new ArrayList<>();
        for (int p = 0; p < e.partCount(); p++) {
            double scale = e.scale();
            surfaces.add(PartSurface.of(e, p, pieces.get(p).surfaceArea() * scale * scale));
        }
        return new FracturedSurfaces(e, surfaces);
    }

    /** The true pose of part q in part p's input frame. */
    RigidPose relative(int p, int q) {
        return GeometricAssembler.compose(example.poses().get(p).inverse(), example.poses().get(q));
    }
}
