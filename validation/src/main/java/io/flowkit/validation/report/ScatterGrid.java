package io.flowkit.validation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A grid of small 2D scatter panels drawn with JFreeChart, each with a title and one or two point
 * sets overlaid in two colours (for example data in blue and generated samples in orange, or the
 * states of a flow at several times). Written as PNG through a temporary file and a move.
 *
 * <pre>{@code
 * ScatterGrid.builder().optColumns(3).optSeriesNames("data", "generated")
 *         .addPanel("t = 0", noise)
 *         .addPanel("t = 1", data, generated)
 *         .build().writePng(Path.of("flow.png"));
 * }</pre>
 */
public final class ScatterGrid {

    /** The colour of the first set of each panel (the reference: grey, so that the second set stands out on it). */
    public static final Color FIRST_COLOR = new Color(90, 90, 90, 120);
    /** The colour of the second set of each panel. */
    public static final Color SECOND_COLOR = new Color(255, 127, 14, 150);

    private final List<Panel> panels;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;
    private final String[] seriesNames;
    private final double[] range;
    private final double pointSize;
    private final String title;

    private ScatterGrid(Builder b) {
        this.panels = List.copyOf(b.panels);
        this.columns = Math.min(b.columns, panels.size());
        this.panelWidth = b.panelWidth;
        this.panelHeight = b.panelHeight;
        this.seriesNames = b.seriesNames.clone();
        this.range = b.range == null ? null : b.range.clone();
        this.pointSize = b.pointSize;
        this.title = b.title;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of panels */
    public int panelCount() {
        return panels.size();
    }

    /**
     * Draws the grid.
     *
     * @return the image, {@code columns × panelWidth} wide
     */
    public BufferedImage render() {
        int rows = (panels.size() + columns - 1) / columns;
        int header = title.isEmpty() ? 0 : 30;
        BufferedImage image = Png.canvas(columns * panelWidth, rows * panelHeight + header);
        Graphics2D g = Png.graphics(image);
        if (header > 0) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 8, 21);
        }
        for (int k = 0; k < panels.size(); k++) {
            int x = (k % columns) * panelWidth;
            int y = header + (k / columns) * panelHeight;
            chart(panels.get(k)).draw(g, new Rectangle2D.Double(x, y, panelWidth, panelHeight));
        }
        g.dispose();
        return image;
    }

    /**
     * Draws the grid and writes it as PNG.
     *
     * @param file the target file; parent folders are created
     * @throws IOException on a failure to write; the target is then unchanged
     */
    public void writePng(Path file) throws IOException {
        Png.write(render(), file);
    }

    private JFreeChart chart(Panel panel) {
        DefaultXYDataset dataset = new DefaultXYDataset();
        dataset.addSeries(seriesNames[0], panel.first);
        if (panel.second != null) {
            dataset.addSeries(seriesNames[1], panel.second);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Ellipse2D dot = new Ellipse2D.Double(-pointSize / 2, -pointSize / 2, pointSize, pointSize);
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesShape(1, dot);
        renderer.setSeriesPaint(0, FIRST_COLOR);
        renderer.setSeriesPaint(1, SECOND_COLOR);
        NumberAxis xAxis = new NumberAxis();
        NumberAxis yAxis = new NumberAxis();
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
        xAxis.setTickLabelFont(tick);
        yAxis.setTickLabelFont(tick);
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        if (range != null) {
            xAxis.setRange(range[0], range[1]);
            yAxis.setRange(range[2], range[3]);
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setOutlineStroke(new BasicStroke(0.5f));
        JFreeChart chart = new JFreeChart(panel.title, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot, panel.second != null);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        }
        return chart;
    }

    private record Panel(String title, double[][] first, double[][] second) {}

    /** Builds a {@link ScatterGrid}: at least one panel is required; the rest is optional. */
    public static final class Builder {
        private final List<Panel> panels = new ArrayList<>();
        private int columns = 4;
        private int panelWidth = 260;
        private int panelHeight = 260;
        private String[] seriesNames = {"data", "generated"};
        private double[] range;
        private double pointSize = 3;
        private String title = "";

        private Builder() {}

        /**
         * Adds a panel with one point set.
         *
         * @param title the panel title
         * @param points 2D points, one {x, y} row per point
         * @return this builder
         */
        public Builder addPanel(String title, double[][] points) {
            panels.add(new Panel(title == null ? "" : title, xy(points, "panel '" + title + "' points"), null));
            return this;
        }

        /**
         * Adds a panel with two overlaid point sets in the two colours.
         *
         * @param title the panel title
         * @param first 2D points drawn in {@link #FIRST_COLOR}
         * @param second 2D points drawn in {@link #SECOND_COLOR} on top
         * @return this builder
         */
        public Builder addPanel(String title, double[][] first, double[][] second) {
            panels.add(new Panel(title == null ? "" : title, xy(first, "panel '" + title + "' first set"),
                    xy(second, "panel '" + title + "' second set")));
            return this;
        }

        /**
         * Panels per row (default 4; fewer when there are fewer panels).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder optColumns(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("columns is not positive: " + value);
            }
            this.columns = value;
            return this;
        }

        /**
         * The size of one panel in pixels (default 260 × 260).
         *
         * @param width at least 50
         * @param height at least 50
         * @return this builder
         */
        public Builder optPanelSize(int width, int height) {
            if (width < 50 || height < 50) {
                throw new IllegalArgumentException("panel size is below 50 pixels: " + width + " x " + height);
            }
            this.panelWidth = width;
            this.panelHeight = height;
            return this;
        }

        /**
         * Legend names of the first and second set (default "data", "generated").
         *
         * @param first name of the first set
         * @param second name of the second set
         * @return this builder
         */
        public Builder optSeriesNames(String first, String second) {
            this.seriesNames = new String[] {first, second};
            return this;
        }

        /**
         * One axis range for every panel (default: each panel fits its data).
         *
         * @param xMin lower x
         * @param xMax upper x, above {@code xMin}
         * @param yMin lower y
         * @param yMax upper y, above {@code yMin}
         * @return this builder
         */
        public Builder optRange(double xMin, double xMax, double yMin, double yMax) {
            if (!(xMax > xMin) || !(yMax > yMin) || !Double.isFinite(xMin + xMax + yMin + yMax)) {
                throw new IllegalArgumentException("range is empty or not finite: [" + xMin + ", " + xMax + "] x ["
                        + yMin + ", " + yMax + "]");
            }
            this.range = new double[] {xMin, xMax, yMin, yMax};
            return this;
        }

        /**
         * Marker diameter in pixels (default 3).
         *
         * @param pixels positive
         * @return this builder
         */
        public Builder optPointSize(double pixels) {
            this.pointSize = io.flowkit.validation.internal.Checks.positive(pixels, "point size");
            return this;
        }

        /**
         * A title above the whole grid.
         *
         * @param value the title
         * @return this builder
         */
        public Builder optTitle(String value) {
            this.title = value == null ? "" : value;
            return this;
        }

        /**
         * Builds the grid.
         *
         * @return the grid
         * @throws IllegalArgumentException if there is no panel
         */
        public ScatterGrid build() {
            if (panels.isEmpty()) {
                throw new IllegalArgumentException("scatter grid has no panel");
            }
            return new ScatterGrid(this);
        }

        /** Converts rows of {x, y} to JFreeChart's {xs, ys}, checking them. */
        private static double[][] xy(double[][] points, String name) {
            if (points == null) {
                throw new IllegalArgumentException(name + " is null");
            }
            double[][] out = new double[2][points.length];
            for (int i = 0; i < points.length; i++) {
                double[] p = points[i];
                if (p == null || p.length != 2) {
                    throw new IllegalArgumentException(name + ": point " + i + " does not have 2 coordinates");
                }
                if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                    throw new IllegalArgumentException(name + ": point " + i + " is not finite: (" + p[0] + ", " + p[1] + ")");
                }
                out[0][i] = p[0];
                out[1][i] = p[1];
            }
            return out;
        }
    }
}
