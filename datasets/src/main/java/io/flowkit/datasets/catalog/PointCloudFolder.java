package io.flowkit.datasets.catalog;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.pointcloud.io.XyzCloudFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A data set that is a folder of {@code .xyz} point clouds, read by name. Factories name the
 * folders of {@code FLOWKIT_DATA}: the PU-Net test shapes (5,000 points with normals each) and the
 * official PU-GAN inputs (2,048 points) with PU-GAN's own ×4 outputs ({@code <name>_pugan_x4_output}).
 */
public final class PointCloudFolder {

    private final Path folder;

    private PointCloudFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * @param folder a folder of {@code .xyz} files
     * @return the data set
     */
    public static PointCloudFolder of(Path folder) {
        return new PointCloudFolder(folder);
    }

    /** @return the 15 PU-Net shapes of {@code pointclouds/punet-mc5k} (x y z nx ny nz) */
    public static PointCloudFolder punetMc5k() {
        return of(DataLocation.dataset("pointclouds/punet-mc5k"));
    }

    /** @return the official PU-GAN inputs and outputs of {@code pointclouds/pugan-official} */
    public static PointCloudFolder puganOfficial() {
        return of(DataLocation.dataset("pointclouds/pugan-official"));
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /**
     * @return the cloud names (file names without {@code .xyz}), sorted
     * @throws IOException if the folder cannot be listed
     */
    public List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xyz"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.toList());
        }
    }

    /**
     * Reads one cloud.
     *
     * @param name a cloud name, for example "fandisk" or "fandisk_pugan_x4_output"
     * @return the cloud
     * @throws NoSuchFileException when there is no such cloud
     * @throws IOException if the file is malformed
     */
    public PointCloud read(String name) throws IOException {
        Path file = folder.resolve(name + ".xyz");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no point cloud '" + name + "' in " + folder);
        }
        return XyzCloudFormat.read(file);
    }
}
