package io.flowkit.datasets.catalog;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.internal.TextLines;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.PlyMeshFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * FAUST shapes remeshed four ways ({@code meshes/faust-remeshed}), from the
 * discretization-robust correspondence benchmark (Sharp et al., DiffusionNet, 2022): binary PLY
 * {@code tr_reg_<remeshing>_<shape>.ply} with {@code tr_reg_<remeshing>_<shape>.txt} giving, per
 * vertex, its index on the FAUST template (the ground-truth map between triangulations).
 */
public final class FaustRemeshed {

    /** The data set folder under {@code FLOWKIT_DATA}. */
    public static final String DATASET = "meshes/faust-remeshed";
    /** The shapes present. */
    public static final List<String> SHAPES = List.of("080", "081");
    /** The remeshings present. */
    public static final List<String> REMESHINGS = List.of("iso", "qes", "mc", "dense");

    /**
     * One remeshed shape.
     *
     * @param mesh the mesh
     * @param templateIndex per vertex, its vertex index on the FAUST template
     */
    public record Shape(TriangleMesh mesh, int[] templateIndex) {

        /**
         * Checks and copies the map.
         *
         * @param mesh the mesh
         * @param templateIndex one template index per vertex
         */
        public Shape {
            if (templateIndex.length != mesh.vertexCount()) {
                throw new IllegalArgumentException("map has " + templateIndex.length + " entries but the mesh has "
                        + mesh.vertexCount() + " vertices");
            }
            templateIndex = templateIndex.clone();
        }

        /** @return a copy of the template index of each vertex */
        @Override
        public int[] templateIndex() {
            return templateIndex.clone();
        }
    }

    private final Path folder;

    private FaustRemeshed(Path folder) {
        this.folder = folder;
    }

    /** @return the data set in {@code FLOWKIT_DATA} */
    public static FaustRemeshed load() {
        return new FaustRemeshed(DataLocation.dataset(DATASET));
    }

    /**
     * @param folder a folder with the same layout
     * @return the data set
     */
    public static FaustRemeshed at(Path folder) {
        return new FaustRemeshed(folder);
    }

    /**
     * Reads one shape in one remeshing.
     *
     * @param shape for example "080"
     * @param remeshing "iso", "qes", "mc" or "dense"
     * @return the mesh and its map to the template
     * @throws IOException if a file is missing or malformed, or the map does not have one
     *     non-negative index per vertex
     */
    public Shape read(String shape, String remeshing) throws IOException {
        String stem = "tr_reg_" + remeshing + "_" + shape;
        TriangleMesh mesh = PlyMeshFormat.read(folder.resolve(stem + ".ply"));
        Path mapFile = folder.resolve(stem + ".txt");
        int[] map = new int[mesh.vertexCount()];
        int n = 0;
        try (TextLines lines = TextLines.open(mapFile)) {
            String line;
            while ((line = lines.nextContent(null)) != null) {
                if (n == map.length) {
                    throw lines.error("more entries than the mesh's " + map.length + " vertices");
                }
                map[n] = lines.parseInt(line, "template index of vertex " + n);
                if (map[n] < 0) {
                    throw lines.error("template index of vertex " + n + " is negative: " + map[n]);
                }
                n++;
            }
        }
        if (n != map.length) {
            throw MalformedInputException.of(mapFile, "holds " + n + " entries but the mesh has " + map.length + " vertices");
        }
        return new Shape(mesh, map);
    }
}
