package io.flowkit.datasets.pointcloud.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.internal.TextLines;
import io.flowkit.datasets.internal.Validated;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.pointcloud.PointCloud;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The plain-text point-cloud format of PU-Net and PU-GAN ({@code .xyz}): one point per line,
 * {@code x y z} or {@code x y z nx ny nz}, separated by whitespace. Blank lines and lines starting
 * with {@code #} are skipped. Every line must have the same number of columns.
 */
public final class XyzCloudFormat {

    private XyzCloudFormat() {}

    /**
     * Reads a cloud; six columns give normals.
     *
     * @param file the file
     * @return the cloud
     * @throws MalformedInputException for an empty file, a line with another column count, a value
     *     that is not a finite number (naming the line)
     * @throws IOException if the file cannot be read
     */
    public static PointCloud read(Path file) throws IOException {
        double[] p = new double[3 * 1024];
        double[] n = null;
        int count = 0;
        int columns = -1;
        try (TextLines lines = TextLines.open(file)) {
            String line;
            while ((line = lines.nextContent("#")) != null) {
                String[] t = TextLines.tokens(line);
                if (columns < 0) {
                    if (t.length != 3 && t.length != 6) {
                        throw lines.error("point 0 has " + t.length + " columns; expected 3 (x y z) or 6 (x y z nx ny nz)");
                    }
                    columns = t.length;
                    n = columns == 6 ? new double[p.length] : null;
                } else if (t.length != columns) {
                    throw lines.error("point " + count + " has " + t.length + " columns but earlier points have " + columns);
                }
                if (3 * count + 3 > p.length) {
                    p = Arrays.copyOf(p, 2 * p.length);
                    n = n == null ? null : Arrays.copyOf(n, p.length);
                }
                for (int k = 0; k < 3; k++) {
                    p[3 * count + k] = lines.parseFinite(t[k], "point " + count);
                    if (n != null) {
                        n[3 * count + k] = lines.parseFinite(t[3 + k], "normal " + count);
                    }
                }
                count++;
            }
        }
        if (count == 0) {
            throw MalformedInputException.of(file, "point cloud is empty: the file holds no points");
        }
        double[] positions = Arrays.copyOf(p, 3 * count);
        double[] normals = n == null ? null : Arrays.copyOf(n, 3 * count);
        return Validated.build(file, () -> normals == null ? PointCloud.of(positions) : PointCloud.of(positions, normals));
    }

    /**
     * Writes a cloud, with six columns when it has normals. Values are written in full precision
     * (reading back gives the same doubles).
     *
     * @param file the target, written through a temporary file
     * @param cloud the cloud
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void write(Path file, PointCloud cloud) throws IOException {
        double[] p = cloud.positions();
        double[] n = cloud.normals().orElse(null);
        StringBuilder sb = new StringBuilder(cloud.size() * (n == null ? 30 : 60));
        for (int i = 0; i < cloud.size(); i++) {
            sb.append(p[3 * i]).append(' ').append(p[3 * i + 1]).append(' ').append(p[3 * i + 2]);
            if (n != null) {
                sb.append(' ').append(n[3 * i]).append(' ').append(n[3 * i + 1]).append(' ').append(n[3 * i + 2]);
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
