package io.flowkit.datasets.pointcloud.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.pointcloud.PointCloud;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes point clouds choosing the format by file extension: {@code .xyz} (also
 * {@code .txt} and {@code .pts}) or {@code .ply}.
 */
public final class PointCloudFiles {

    private PointCloudFiles() {}

    /**
     * @param file a {@code .xyz}, {@code .txt}, {@code .pts} or {@code .ply} file
     * @return the cloud
     * @throws IOException if the file cannot be read or is malformed
     * @throws IllegalArgumentException for an unknown extension
     */
    public static PointCloud read(Path file) throws IOException {
        return isPly(file) ? PlyCloudFormat.read(file) : XyzCloudFormat.read(file);
    }

    /**
     * @param file a {@code .xyz}, {@code .txt}, {@code .pts} or {@code .ply} target
     * @param cloud the cloud
     * @throws IOException if writing fails
     * @throws IllegalArgumentException for an unknown extension
     */
    public static void write(Path file, PointCloud cloud) throws IOException {
        if (isPly(file)) {
            PlyCloudFormat.write(file, cloud);
        } else {
            XyzCloudFormat.write(file, cloud);
        }
    }

    /**
     * Checks, before any work, that {@link #write} can put a cloud at a path: a known extension,
     * not a folder, an existing parent folder.
     *
     * @param file the output path
     * @throws IllegalArgumentException naming the path and the problem
     */
    public static void checkWritable(Path file) {
        isPly(file);
        AtomicFiles.checkTarget(file);
    }

    private static boolean isPly(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ply")) {
            return true;
        }
        if (name.endsWith(".xyz") || name.endsWith(".txt") || name.endsWith(".pts")) {
            return false;
        }
        throw new IllegalArgumentException("unknown point cloud extension (expected .xyz, .txt, .pts or .ply): " + file);
    }
}
