package io.flowkit.datasets.catalog;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.assembly.FracturedObject;
import io.flowkit.datasets.assembly.Part;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.mesh.io.PlyMeshFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A set of fractured or multi-part objects in the layout of Rectified Point Flow's samples
 * (Sun et al. 2025) for Breaking Bad (Sellán et al. 2022) and PartNet (Mo et al. 2019):
 * {@code data_split/<split>.txt} lists object folders relative to the set's root, one per line;
 * each folder holds {@code part_000.ply}, {@code part_001.ply}, ..., meshes stored in their
 * assembled positions, so every part gets the identity pose.
 */
public final class FracturedObjectSet {

    private final Path root;

    private FracturedObjectSet(Path root) {
        this.root = root;
    }

    /**
     * @param root a folder with {@code data_split/} and the object folders
     * @return the set
     */
    public static FracturedObjectSet at(Path root) {
        return new FracturedObjectSet(root);
    }

    /** @return the Breaking Bad "everyday" sample of {@code assembly/breaking-bad-everyday} */
    public static FracturedObjectSet breakingBadEveryday() {
        return at(DataLocation.dataset("assembly/breaking-bad-everyday"));
    }

    /** @return the PartNet sample of {@code assembly/partnet-sample} */
    public static FracturedObjectSet partNetSample() {
        return at(DataLocation.dataset("assembly/partnet-sample"));
    }

    /**
     * @return the split names (files in {@code data_split/} without {@code .txt}), sorted
     * @throws IOException if the folder cannot be listed
     */
    public List<String> splits() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("data_split"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.toList());
        }
    }

    /**
     * @param split a split name, for example "val"
     * @return the object ids listed in it, in file order
     * @throws IOException if the split file is missing
     */
    public List<String> ids(String split) throws IOException {
        Path file = root.resolve("data_split").resolve(split + ".txt");
        return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    /**
     * Reads one object: its {@code part_*.ply} meshes in name order, each with the identity pose.
     *
     * @param id an object id from a split file
     * @return the object
     * @throws IOException if the folder is missing, holds no part, or a part is malformed
     */
    public FracturedObject read(String id) throws IOException {
        Path folder = root.resolve(id);
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "object folder not found");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().matches("part_\\d+\\.ply")).sorted().collect(Collectors.toList());
        }
        if (files.isEmpty()) {
            throw MalformedInputException.of(folder, "object folder holds no part_*.ply file");
        }
        List<Part> parts = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            parts.add(Part.ofMesh(name.substring(0, name.length() - 4), PlyMeshFormat.read(f), RigidPose.identity()));
        }
        return FracturedObject.of(id, parts);
    }

    /**
     * Reads every object of a split.
     *
     * @param split a split name
     * @return the objects, in split-file order
     * @throws IOException if a file is missing or malformed
     */
    public List<FracturedObject> readSplit(String split) throws IOException {
        List<FracturedObject> out = new ArrayList<>();
        for (String id : ids(split)) {
            out.add(read(id));
        }
        return out;
    }
}
