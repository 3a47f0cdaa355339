package io.flowkit.validation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A line plot of several named series (for example training and validation loss against the
 * step), drawn with JFreeChart and written as PNG through a temporary file and a move. The y axis
 * can be logarithmic; a series then must be positive, and a log axis spanning a decade or more is
 * labelled at the powers of ten with unlabelled ticks between them. A companion series
 * ({@link Builder#addCompanion}) is drawn dashed in the colour of the series before it, for two
 * variants of one method (uniform and BOSS time grids, say).
 *
 * <pre>{@code
 * LinePlot.builder().optTitle("loss").optLabels("step", "MSE").optLogY(true)
 *         .addSeries("train", trainLoss)
 *         .addSeries("validation", steps, validationLoss)
 *         .build().writePng(Path.of("loss.png"));
 * }</pre>
 */
public final class LinePlot {

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127)
    };

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final double logXBase;
    private final int width;
    private final int height;
    private final List<Series> series;

    private LinePlot(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.logY = b.logY;
        this.logXBase = b.logXBase;
        this.width = b.width;
        this.height = b.height;
        this.series = List.copyOf(b.series);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of series */
    public int seriesCount() {
        return series.size();
    }

    /** @return the rendered chart */
    public BufferedImage render() {
        BufferedImage image = Png.canvas(width, height);
        Graphics2D g = Png.graphics(image);
        chart().draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        return image;
    }

    /**
     * Renders and writes the chart as PNG.
     *
     * @param file the target file
     * @throws IOException on a failure to write; the target is then unchanged
     */
    public void writePng(Path file) throws IOException {
        Png.write(render(), file);
    }

    private JFreeChart chart() {
        DefaultXYDataset dataset = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int colour = -1;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            dataset.addSeries(s.name, new double[][] {s.x, s.y});
            colour += s.dashed ? 0 : 1;
            renderer.setSeriesPaint(k, PALETTE[Math.max(colour, 0) % PALETTE.length]);
            renderer.setSeriesStroke(k, s.dashed ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(1.6f));
        }
        ValueAxis xAxis;
        if (logXBase > 0) {
            LogAxis log = new LogAxis(xLabel);
            log.setBase(logXBase);
            log.setSmallestValue(1e-300);
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            xAxis = log;
        } else {
            NumberAxis lin = new NumberAxis(xLabel);
            lin.setAutoRangeIncludesZero(false);
            xAxis = lin;
        }
        ValueAxis yAxis;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            log.setSmallestValue(1e-300);
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (Series s : series) {
                for (double v : s.y) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (Math.log10(max / min) >= 1) {
                log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
                log.setMinorTickCount(9);
                log.setMinorTickMarksVisible(true);
                log.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
            } else {
                log.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            }
            yAxis = log;
        } else {
            NumberAxis lin = new NumberAxis(yLabel);
            lin.setAutoRangeIncludesZero(false);
            yAxis = lin;
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(215, 215, 215));
        plot.setRangeGridlinePaint(new Color(215, 215, 215));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private record Series(String name, double[] x, double[] y, boolean dashed) {}

    /** Builds a {@link LinePlot}: at least one series is required; the rest is optional. */
    public static final class Builder {
        private String title = "";
        private String xLabel = "";
        private String yLabel = "";
        private boolean logY;
        private double logXBase;
        private int width = 720;
        private int height = 440;
        private final List<Series> series = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a series plotted against its index 0, 1, 2, ...
         *
         * @param name the legend name, unique
         * @param y the values
         * @return this builder
         */
        public Builder addSeries(String name, double[] y) {
            if (y == null) {
                throw new IllegalArgumentException("series '" + name + "' values are null");
            }
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            return addSeries(name, x, y);
        }

        /**
         * Adds a series of (x, y) pairs.
         *
         * @param name the legend name, unique
         * @param x the abscissae
         * @param y the values, same length
         * @return this builder
         */
        public Builder addSeries(String name, double[] x, double[] y) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("series name is blank");
            }
            if (x == null || y == null) {
                throw new IllegalArgumentException("series '" + name + "' has null coordinates");
            }
            if (x.length != y.length) {
                throw new IllegalArgumentException(
                        "series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
            }
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    throw new IllegalArgumentException(
                            "series '" + name + "' point " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
                }
            }
            for (Series s : series) {
                if (s.name.equals(name)) {
                    throw new IllegalArgumentException("series name '" + name + "' is repeated");
                }
            }
            series.add(new Series(name, x.clone(), y.clone(), false));
            return this;
        }

        /**
         * Adds a series of (x, y) pairs drawn dashed in the colour of the series added before it.
         *
         * @param name the legend name, unique
         * @param x the abscissae
         * @param y the values, same length
         * @return this builder
         * @throws IllegalArgumentException if no series was added before it
         */
        public Builder addCompanion(String name, double[] x, double[] y) {
            if (series.isEmpty()) {
                throw new IllegalArgumentException("companion series '" + name + "' has no series before it");
            }
            addSeries(name, x, y);
            Series s = series.remove(series.size() - 1);
            series.add(new Series(s.name, s.x, s.y, true));
            return this;
        }

        /**
         * The chart title.
         *
         * @param value the title
         * @return this builder
         */
        public Builder optTitle(String value) {
            this.title = value == null ? "" : value;
            return this;
        }

        /**
         * Axis labels (state units here).
         *
         * @param x label of the x axis
         * @param y label of the y axis
         * @return this builder
         */
        public Builder optLabels(String x, String y) {
            this.xLabel = x == null ? "" : x;
            this.yLabel = y == null ? "" : y;
            return this;
        }

        /**
         * A logarithmic y axis (default linear).
         *
         * @param value whether to use a log scale
         * @return this builder
         */
        public Builder optLogY(boolean value) {
            this.logY = value;
            return this;
        }

        /**
         * A logarithmic x axis with ticks at the powers of a base (default linear).
         *
         * @param base the base of the ticks, above 1 (e.g. 2 for step counts)
         * @return this builder
         */
        public Builder optLogX(double base) {
            if (!(base > 1) || !Double.isFinite(base)) {
                throw new IllegalArgumentException("log axis base is not above 1: " + base);
            }
            this.logXBase = base;
            return this;
        }

        /**
         * The image size in pixels (default 720 × 440).
         *
         * @param w width, at least 100
         * @param h height, at least 100
         * @return this builder
         */
        public Builder optSize(int w, int h) {
            if (w < 100 || h < 100) {
                throw new IllegalArgumentException("plot size is below 100 pixels: " + w + " x " + h);
            }
            this.width = w;
            this.height = h;
            return this;
        }

        /**
         * Builds the plot.
         *
         * @return the plot
         * @throws IllegalArgumentException if there is no series, or a log axis meets a value ≤ 0
         */
        public LinePlot build() {
            if (series.isEmpty()) {
                throw new IllegalArgumentException("line plot has no series");
            }
            if (logXBase > 0) {
                for (Series s : series) {
                    for (int i = 0; i < s.x.length; i++) {
                        if (!(s.x[i] > 0)) {
                            throw new IllegalArgumentException("series '" + s.name + "' x value " + i
                                    + " is not positive and cannot be drawn on a log axis: " + s.x[i]);
                        }
                    }
                }
            }
            if (logY) {
                for (Series s : series) {
                    for (int i = 0; i < s.y.length; i++) {
                        if (!(s.y[i] > 0)) {
                            throw new IllegalArgumentException("series '" + s.name + "' value " + i
                                    + " is not positive and cannot be drawn on a log axis: " + s.y[i]);
                        }
                    }
                }
            }
            return new LinePlot(this);
        }
    }
}
