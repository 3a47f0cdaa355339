package io.flowkit.validation.report;

import io.flowkit.validation.internal.Checks;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rendered view of 3D point clouds and triangle meshes: orthographic projection after turning the
 * scene by an azimuth about the up axis and an elevation towards the viewer, painter's-algorithm
 * drawing with Java2D, depth shading for points (nearer is brighter) and Lambert shading for mesh
 * triangles (light from the viewer). Points can be coloured by a scalar (for example a per-point
 * error) through a viridis-like colour map. Written as PNG through a temporary file and a move.
 *
 * <pre>{@code
 * ShapeView.builder().addMesh(vertices, faces).addPoints(generated, ShapeView.ORANGE)
 *         .optView(30, 20).build().writePng(Path.of("view.png"));
 * }</pre>
 */
public final class ShapeView {

    /** Default colour of the first point layer. */
    public static final Color BLUE = new Color(31, 119, 180);
    /** A second point colour for overlays. */
    public static final Color ORANGE = new Color(255, 127, 14);
    /** A third point colour, for references. */
    public static final Color GREEN = new Color(44, 160, 44);
    /** Default mesh colour. */
    public static final Color GREY = new Color(200, 200, 205);

    private static final Color[] CATEGORIES = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)
    };

    /** Viridis control points (matplotlib's colour map at 0, 0.25, 0.5, 0.75, 1). */
    private static final float[][] VIRIDIS = {
        {0.267f, 0.005f, 0.329f}, {0.229f, 0.322f, 0.546f}, {0.128f, 0.567f, 0.551f},
        {0.369f, 0.789f, 0.383f}, {0.993f, 0.906f, 0.144f}
    };

    private final List<Layer> layers;
    private final int width;
    private final int height;
    private final double azimuth;
    private final double elevation;
    private final int up;
    private final double pointRadius;
    private final String title;
    private final String valueLabel;

    private ShapeView(Builder b) {
        this.layers = List.copyOf(b.layers);
        this.width = b.width;
        this.height = b.height;
        this.azimuth = Math.toRadians(b.azimuthDegrees);
        this.elevation = Math.toRadians(b.elevationDegrees);
        this.up = b.up;
        this.pointRadius = b.pointRadius;
        this.title = b.title;
        this.valueLabel = b.valueLabel;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Maps a value in [0, 1] to a viridis-like colour (values outside are clamped).
     *
     * @param t the value
     * @return the colour
     */
    public static Color colorMap(double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(x));
        float f = (float) (x - i);
        float[] a = VIRIDIS[i];
        float[] c = VIRIDIS[i + 1];
        return new Color(a[0] + f * (c[0] - a[0]), a[1] + f * (c[1] - a[1]), a[2] + f * (c[2] - a[2]));
    }

    /**
     * A categorical colour for the k-th of several items (parts, clusters): the ten colours of
     * matplotlib's "tab10", repeated from the eleventh, so that neighbouring ids differ clearly.
     *
     * @param k the item's index, not negative
     * @return the colour
     * @throws IllegalArgumentException if k is negative
     */
    public static Color categoryColor(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("category index is negative: " + k);
        }
        return CATEGORIES[k % CATEGORIES.length];
    }

    /** @return the rendered image */
    public BufferedImage render() {
        // Scene centre and radius over all layers, in model coordinates.
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Layer layer : layers) {
            for (int i = 0; i < layer.xyz.length; i += 3) {
                for (int a = 0; a < 3; a++) {
                    min[a] = Math.min(min[a], layer.xyz[i + a]);
                    max[a] = Math.max(max[a], layer.xyz[i + a]);
                }
            }
        }
        double[] centre = {(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2};
        double radius = 0;
        for (Layer layer : layers) {
            for (int i = 0; i < layer.xyz.length; i += 3) {
                double dx = layer.xyz[i] - centre[0];
                double dy = layer.xyz[i + 1] - centre[1];
                double dz = layer.xyz[i + 2] - centre[2];
                radius = Math.max(radius, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        double header = title.isEmpty() ? 0 : 26;
        // A colour bar when the values mean something to read off (a label was given); part ids need none.
        Layer valued = valueLabel == null ? null : layers.stream().filter(l -> l.values != null).findFirst().orElse(null);
        int bar = valued == null ? 0 : 100;
        double scale = radius > 0 ? 0.46 * Math.min(width - bar, height - header) / radius : 1;
        double[] view = viewMatrix();
        List<Primitive> primitives = new ArrayList<>();
        for (Layer layer : layers) {
            double[] p = project(layer.xyz, centre, view, scale, header, bar);
            if (layer.faces != null) {
                addTriangles(primitives, layer, p);
            } else {
                addPoints(primitives, layer, p, radius * scale);
            }
        }
        primitives.sort((a, b) -> Double.compare(a.depth, b.depth));
        BufferedImage image = Png.canvas(width, height);
        Graphics2D g = Png.graphics(image);
        g.setStroke(new java.awt.BasicStroke(0.6f));
        for (Primitive primitive : primitives) {
            g.setColor(primitive.color);
            g.fill(primitive.shape);
            if (primitive.outlined) {
                // Stroking a triangle in its own colour closes the anti-aliasing seams between neighbours.
                g.draw(primitive.shape);
            }
        }
        if (!title.isEmpty()) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, 8, 19);
        }
        if (valued != null) {
            colourBar(g, valued, header);
        }
        g.dispose();
        return image;
    }

    /**
     * Renders and writes the view as PNG.
     *
     * @param file the target file
     * @throws IOException on a failure to write; the target is then unchanged
     */
    public void writePng(Path file) throws IOException {
        Png.write(render(), file);
    }

    /** A vertical colour bar at the right: the colour map from the layer's minimum (bottom) to its maximum. */
    private void colourBar(Graphics2D g, Layer layer, double header) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : layer.values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        int x = width - 85;
        int top = (int) header + 40;
        int bottom = height - 40;
        for (int y = top; y <= bottom; y++) {
            g.setColor(colorMap((double) (bottom - y) / Math.max(1, bottom - top)));
            g.fillRect(x, y, 18, 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(1f));
        g.drawRect(x, top, 18, bottom - top);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            int y = bottom - (bottom - top) * k / 4;
            g.drawLine(x + 18, y, x + 22, y);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2g", Math.abs(v) < 1e-12 * Math.max(1, hi - lo) ? 0 : v),
                    x + 24, y + 4);
        }
        int labelWidth = g.getFontMetrics().stringWidth(valueLabel);
        g.drawString(valueLabel, Math.max(0, Math.min(x - 10, width - 4 - labelWidth)), top - 10);
    }

    /** Rotation taking model coordinates (with the chosen up axis) to view coordinates (x right, y up, z to the viewer). */
    private double[] viewMatrix() {
        // Permute so that the up axis becomes y: up = 1 (y) is the identity.
        double[] perm = up == 2 ? new double[] {1, 0, 0, 0, 0, 1, 0, -1, 0}
                : up == 0 ? new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1} : new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double ca = Math.cos(azimuth);
        double sa = Math.sin(azimuth);
        double[] yaw = {ca, 0, sa, 0, 1, 0, -sa, 0, ca};
        double ce = Math.cos(elevation);
        double se = Math.sin(elevation);
        double[] pitch = {1, 0, 0, 0, ce, -se, 0, se, ce};
        return multiply(pitch, multiply(yaw, perm));
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    /** Screen x, screen y and depth (larger is nearer) per point. */
    private double[] project(double[] xyz, double[] centre, double[] r, double scale, double header, int bar) {
        double[] out = new double[xyz.length];
        double cx = (width - bar) / 2.0;
        double cy = header + (height - header) / 2.0;
        for (int i = 0; i < xyz.length; i += 3) {
            double x = xyz[i] - centre[0];
            double y = xyz[i + 1] - centre[1];
            double z = xyz[i + 2] - centre[2];
            out[i] = cx + scale * (r[0] * x + r[1] * y + r[2] * z);
            out[i + 1] = cy - scale * (r[3] * x + r[4] * y + r[5] * z);
            out[i + 2] = scale * (r[6] * x + r[7] * y + r[8] * z);
        }
        return out;
    }

    private void addPoints(List<Primitive> out, Layer layer, double[] p, double depthRange) {
        double lo = 0;
        double hi = 1;
        if (layer.values != null) {
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (double v : layer.values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double r = pointRadius;
        for (int i = 0; i < p.length / 3; i++) {
            double depth = p[3 * i + 2];
            Color base = layer.values == null ? layer.color
                    : colorMap(hi > lo ? (layer.values[i] - lo) / (hi - lo) : 0.5);
            double shade = depthRange > 0 ? 0.55 + 0.45 * (depth + depthRange) / (2 * depthRange) : 1;
            out.add(new Primitive(depth, shaded(base, shade),
                    new Ellipse2D.Double(p[3 * i] - r, p[3 * i + 1] - r, 2 * r, 2 * r), false));
        }
    }

    private static void addTriangles(List<Primitive> out, Layer layer, double[] p) {
        int[] f = layer.faces;
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        if (layer.values != null) {
            for (double v : layer.values) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }
        for (int t = 0; t < f.length; t += 3) {
            int a = 3 * f[t];
            int b = 3 * f[t + 1];
            int c = 3 * f[t + 2];
            // Normal in screen coordinates (y flipped, which only flips the sign we take |.| of).
            double ux = p[b] - p[a];
            double uy = p[b + 1] - p[a + 1];
            double uz = p[b + 2] - p[a + 2];
            double vx = p[c] - p[a];
            double vy = p[c + 1] - p[a + 1];
            double vz = p[c + 2] - p[a + 2];
            double nx = uy * vz - uz * vy;
            double ny = uz * vx - ux * vz;
            double nz = ux * vy - uy * vx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            double lambert = len > 0 ? Math.abs(nz) / len : 0;
            Path2D.Double tri = new Path2D.Double();
            tri.moveTo(p[a], p[a + 1]);
            tri.lineTo(p[b], p[b + 1]);
            tri.lineTo(p[c], p[c + 1]);
            tri.closePath();
            double depth = (p[a + 2] + p[b + 2] + p[c + 2]) / 3;
            if (layer.values == null) {
                out.add(new Primitive(depth, shaded(layer.color, 0.25 + 0.75 * lambert), tri, true));
            } else {
                double mean = (layer.values[f[t]] + layer.values[f[t + 1]] + layer.values[f[t + 2]]) / 3;
                Color base = colorMap(range[1] > range[0] ? (mean - range[0]) / (range[1] - range[0]) : 0.5);
                out.add(new Primitive(depth, shaded(base, 0.6 + 0.4 * lambert), tri, true));
            }
        }
    }

    private static Color shaded(Color c, double f) {
        double k = Math.max(0, Math.min(1, f));
        return new Color((int) Math.round(c.getRed() * k), (int) Math.round(c.getGreen() * k),
                (int) Math.round(c.getBlue() * k));
    }

    private record Primitive(double depth, Color color, java.awt.Shape shape, boolean outlined) {}

    private record Layer(double[] xyz, int[] faces, Color color, double[] values) {}

    /** Builds a {@link ShapeView}: at least one layer is required; the rest is optional. */
    public static final class Builder {
        private final List<Layer> layers = new ArrayList<>();
        private int width = 600;
        private int height = 600;
        private double azimuthDegrees = 30;
        private double elevationDegrees = 20;
        private int up = 1;
        private double pointRadius = 1.5;
        private String title = "";
        private String valueLabel;

        private Builder() {}

        /**
         * Adds a point cloud in the default blue.
         *
         * @param xyz interleaved coordinates
         * @return this builder
         */
        public Builder addPoints(double[] xyz) {
            return addPoints(xyz, BLUE);
        }

        /**
         * Adds a point cloud in one colour.
         *
         * @param xyz interleaved coordinates
         * @param color the colour
         * @return this builder
         */
        public Builder addPoints(double[] xyz, Color color) {
            Checks.points3(xyz, "points");
            layers.add(new Layer(xyz.clone(), null, color == null ? BLUE : color, null));
            return this;
        }

        /**
         * Adds a point cloud coloured by one value per point (min to max over the colour map).
         *
         * @param xyz interleaved coordinates
         * @param values one finite value per point
         * @return this builder
         */
        public Builder addPoints(double[] xyz, double[] values) {
            int n = Checks.points3(xyz, "points");
            if (values == null || values.length != n) {
                throw new IllegalArgumentException("values has " + (values == null ? 0 : values.length)
                        + " entries, expected one per point: " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
                }
            }
            layers.add(new Layer(xyz.clone(), null, BLUE, values.clone()));
            return this;
        }

        /**
         * Adds a triangle mesh in the default grey.
         *
         * @param vertices interleaved vertex coordinates
         * @param faces three vertex indices per triangle
         * @return this builder
         */
        public Builder addMesh(double[] vertices, int[] faces) {
            return addMesh(vertices, faces, GREY);
        }

        /**
         * Adds a triangle mesh in one colour.
         *
         * @param vertices interleaved vertex coordinates
         * @param faces three vertex indices per triangle
         * @param color the colour
         * @return this builder
         */
        public Builder addMesh(double[] vertices, int[] faces, Color color) {
            int n = Checks.points3(vertices, "vertices");
            io.flowkit.core.mesh.MeshArrays.checkFaces(faces, n, "faces");
            layers.add(new Layer(vertices.clone(), faces.clone(), color == null ? GREY : color, null));
            return this;
        }

        /**
         * Adds a triangle mesh coloured by one value per vertex (each triangle by the mean of its
         * corners, min to max over the colour map); {@link #optValueLabel} adds its colour bar.
         *
         * @param vertices interleaved vertex coordinates
         * @param faces three vertex indices per triangle
         * @param values one finite value per vertex
         * @return this builder
         */
        public Builder addMesh(double[] vertices, int[] faces, double[] values) {
            int n = Checks.points3(vertices, "vertices");
            io.flowkit.core.mesh.MeshArrays.checkFaces(faces, n, "faces");
            if (values == null || values.length != n) {
                throw new IllegalArgumentException("values has " + (values == null ? 0 : values.length)
                        + " entries, expected one per vertex: " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
                }
            }
            layers.add(new Layer(vertices.clone(), faces.clone(), GREY, values.clone()));
            return this;
        }

        /**
         * @param value what the colours of a valued layer mean: a colour bar with this label and the
         *     layer's scale is drawn at the right (default: none, for values without a scale such as
         *     part numbers)
         * @return this builder
         */
        public Builder optValueLabel(String value) {
            this.valueLabel = java.util.Objects.requireNonNull(value, "label");
            return this;
        }

        /**
         * The image size in pixels (default 600 × 600).
         *
         * @param w width, at least 64
         * @param h height, at least 64
         * @return this builder
         */
        public Builder optSize(int w, int h) {
            if (w < 64 || h < 64) {
                throw new IllegalArgumentException("view size is below 64 pixels: " + w + " x " + h);
            }
            this.width = w;
            this.height = h;
            return this;
        }

        /**
         * The viewing direction (default azimuth 30°, elevation 20°).
         *
         * @param azimuthDegrees turn about the up axis, degrees
         * @param elevationDegrees tilt towards the viewer, degrees
         * @return this builder
         */
        public Builder optView(double azimuthDegrees, double elevationDegrees) {
            if (!Double.isFinite(azimuthDegrees) || !Double.isFinite(elevationDegrees)) {
                throw new IllegalArgumentException(
                        "view angles are not finite: " + azimuthDegrees + ", " + elevationDegrees);
            }
            this.azimuthDegrees = azimuthDegrees;
            this.elevationDegrees = elevationDegrees;
            return this;
        }

        /**
         * Which model axis points up on screen (default 1, y).
         *
         * @param axis 0 (x), 1 (y) or 2 (z)
         * @return this builder
         */
        public Builder optUpAxis(int axis) {
            if (axis < 0 || axis > 2) {
                throw new IllegalArgumentException("up axis is not 0, 1 or 2: " + axis);
            }
            this.up = axis;
            return this;
        }

        /**
         * The radius of a drawn point in pixels (default 1.5).
         *
         * @param pixels positive
         * @return this builder
         */
        public Builder optPointRadius(double pixels) {
            this.pointRadius = Checks.positive(pixels, "point radius");
            return this;
        }

        /**
         * A title drawn in the top-left corner.
         *
         * @param value the title
         * @return this builder
         */
        public Builder optTitle(String value) {
            this.title = value == null ? "" : value;
            return this;
        }

        /**
         * Builds the view.
         *
         * @return the view
         * @throws IllegalArgumentException if there is no layer
         */
        public ShapeView build() {
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("shape view has nothing to draw");
            }
            return new ShapeView(this);
        }
    }

    @Override
    public String toString() {
        return "ShapeView[" + layers.size() + " layers, " + width + "x" + height + ", view "
                + Arrays.toString(new double[] {Math.toDegrees(azimuth), Math.toDegrees(elevation)}) + "]";
    }
}
