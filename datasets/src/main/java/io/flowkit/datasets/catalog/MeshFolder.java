package io.flowkit.datasets.catalog;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A data set that is a folder of mesh files of one format, read by name (the file name without
 * extension). Factories name the folders of {@code FLOWKIT_DATA}.
 */
public final class MeshFolder {

    private final Path folder;
    private final String extension;

    private MeshFolder(Path folder, String extension) {
        this.folder = folder;
        this.extension = extension;
    }

    /**
     * A folder of meshes.
     *
     * @param folder the folder
     * @param extension the mesh extension without dot ("off", "obj", "ply", "stl")
     * @return the data set
     */
    public static MeshFolder of(Path folder, String extension) {
        return new MeshFolder(folder, extension.toLowerCase(Locale.ROOT));
    }

    /** @return the three bunny triangulations of {@code meshes/bunny-triangulations} (OBJ) */
    public static MeshFolder bunnyTriangulations() {
        return of(DataLocation.dataset("meshes/bunny-triangulations"), "obj");
    }

    /** @return the CGAL demo meshes of {@code meshes/cgal} (OFF) */
    public static MeshFolder cgal() {
        return of(DataLocation.dataset("meshes/cgal"), "off");
    }

    /** @return the 15 PU-GAN test meshes of {@code pointclouds/pugan-meshes} (OFF) */
    public static MeshFolder puganMeshes() {
        return of(DataLocation.dataset("pointclouds/pugan-meshes"), "off");
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /**
     * @return the mesh names, sorted
     * @throws IOException if the folder cannot be listed
     */
    public List<String> names() throws IOException {
        String suffix = "." + extension;
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length()))
                    .sorted().collect(Collectors.toList());
        }
    }

    /**
     * @param name a mesh name, for example "bunny_10k"
     * @return the file of that mesh
     */
    public Path file(String name) {
        return folder.resolve(name + "." + extension);
    }

    /**
     * Reads one mesh.
     *
     * @param name a mesh name
     * @return the mesh
     * @throws NoSuchFileException naming the file when there is no such mesh
     * @throws IOException if the file is malformed
     */
    public TriangleMesh read(String name) throws IOException {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no mesh '" + name + "' in " + folder);
        }
        return MeshFiles.read(file);
    }
}
