package io.flowkit.assembly.geometry;

/**
 * A flat region drawn on a grid in its own plane, so that an in-plane placement of another region
 * on it can be scored in a few hundred lookups: which cells the region covers, which lie near its
 * rim, and which near its outline (where it meets the part's original surface).
 */
final class RegionRaster {

    private static final byte INSIDE = 1;
    private static final byte NEAR_RIM = 2;
    private static final byte NEAR_OUTLINE = 4;

    private final double x0;
    private final double y0;
    private final double cell;
    private final int width;
    private final int height;
    private final byte[] flags;

    private RegionRaster(double x0, double y0, double cell, int width, int height, byte[] flags) {
        this.x0 = x0;
        this.y0 = y0;
        this.cell = cell;
        this.width = width;
        this.height = height;
        this.flags = flags;
    }

    /**
     * Draws a region from planar coordinates.
     *
     * @param members all its points, interleaved (u, v)
     * @param rim its rim points
     * @param outline its outline points
     * @param tolerance contact tolerance: members and the outline mark cells within it, the rim
     *     cells within twice it
     * @return the raster
     */
    static RegionRaster of(double[] members, double[] rim, double[] outline, double tolerance) {
        double cell = tolerance / 2;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < members.length; i += 2) {
            minX = Math.min(minX, members[i]);
            maxX = Math.max(maxX, members[i]);
            minY = Math.min(minY, members[i + 1]);
            maxY = Math.max(maxY, members[i + 1]);
        }
        int margin = 6;
        double x0 = minX - margin * cell;
        double y0 = minY - margin * cell;
        int width = (int) Math.ceil((maxX - minX) / cell) + 2 * margin + 1;
        int height = (int) Math.ceil((maxY - minY) / cell) + 2 * margin + 1;
        byte[] flags = new byte[width * height];
        RegionRaster r = new RegionRaster(x0, y0, cell, width, height, flags);
        r.stamp(members, 2, INSIDE);
        r.stamp(rim, 4, NEAR_RIM);
        r.stamp(outline, 2, NEAR_OUTLINE);
        return r;
    }

    /** Marks the cells within {@code radius} cells of each point. */
    private void stamp(double[] points, int radius, byte flag) {
        for (int i = 0; i < points.length; i += 2) {
            int cx = (int) Math.floor((points[i] - x0) / cell);
            int cy = (int) Math.floor((points[i + 1] - y0) / cell);
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if (dx * dx + dy * dy <= radius * radius && x >= 0 && y >= 0 && x < width && y < height) {
                        flags[y * width + x] |= flag;
                    }
                }
            }
        }
    }

    private int at(double x, double y) {
        int cx = (int) Math.floor((x - x0) / cell);
        int cy = (int) Math.floor((y - y0) / cell);
        if (cx < 0 || cy < 0 || cx >= width || cy >= height) {
            return 0;
        }
        return flags[cy * width + cx];
    }

    /** Whether a point lies on the region. */
    boolean covers(double x, double y) {
        return (at(x, y) & INSIDE) != 0;
    }

    /** Whether a point lies on the region away from its rim. */
    boolean interior(double x, double y) {
        return (at(x, y) & (INSIDE | NEAR_RIM)) == INSIDE;
    }

    /** Whether a point lies near the region's outline. */
    boolean nearOutline(double x, double y) {
        return (at(x, y) & NEAR_OUTLINE) != 0;
    }
}
