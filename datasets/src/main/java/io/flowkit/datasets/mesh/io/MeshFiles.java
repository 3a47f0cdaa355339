package io.flowkit.datasets.mesh.io;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes triangle meshes choosing the format by extension: {@code .off}
 * ({@link OffFormat}), {@code .ply} ({@link PlyMeshFormat}, binary little-endian doubles on
 * writing), {@code .obj} ({@link ObjFormat}) and {@code .stl} ({@link StlFormat}, binary on
 * writing).
 */
public final class MeshFiles {

    private MeshFiles() {}

    /**
     * Reads a mesh.
     *
     * @param file an {@code .off}, {@code .ply}, {@code .obj} or {@code .stl} file
     * @return the mesh
     * @throws IOException if the file cannot be read or is malformed
     * @throws IllegalArgumentException for an unknown extension
     */
    public static TriangleMesh read(Path file) throws IOException {
        switch (extension(file)) {
            case "off": return OffFormat.read(file);
            case "ply": return PlyMeshFormat.read(file);
            case "obj": return ObjFormat.read(file);
            default: return StlFormat.read(file);
        }
    }

    /**
     * Writes a mesh.
     *
     * @param file an {@code .off}, {@code .ply}, {@code .obj} or {@code .stl} target
     * @param mesh the mesh
     * @throws IOException if writing fails
     * @throws IllegalArgumentException for an unknown extension
     */
    public static void write(Path file, TriangleMesh mesh) throws IOException {
        switch (extension(file)) {
            case "off": OffFormat.write(file, mesh); break;
            case "ply": PlyMeshFormat.write(file, mesh); break;
            case "obj": ObjFormat.write(file, mesh); break;
            default: StlFormat.write(file, mesh);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!ext.equals("off") && !ext.equals("ply") && !ext.equals("obj") && !ext.equals("stl")) {
            throw new IllegalArgumentException("unknown mesh extension (expected .off, .ply, .obj or .stl): " + file);
        }
        return ext;
    }
}
