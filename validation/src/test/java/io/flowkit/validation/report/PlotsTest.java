package io.flowkit.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    /** Counts pixels within a distance of a colour (ignoring alpha blending with white up to the tolerance). */
    private static int count(BufferedImage image, Color target, int tolerance) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(new Color(image.getRGB(x, y)), target, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(Color c, Color target, int tolerance) {
        return Math.abs(c.getRed() - target.getRed()) <= tolerance && Math.abs(c.getGreen() - target.getGreen()) <= tolerance
                && Math.abs(c.getBlue() - target.getBlue()) <= tolerance;
    }

    private static double[][] blob(Random r, int n, double cx, double cy) {
        double[][] p = new double[n][2];
        for (double[] q : p) {
            q[0] = cx + 0.3 * r.nextGaussian();
            q[1] = cy + 0.3 * r.nextGaussian();
        }
        return p;
    }

    @Test
    void scatterGridDrawsEveryPanelWithTwoColours(@TempDir Path dir) throws Exception {
        Random r = new Random(1);
        ScatterGrid grid = ScatterGrid.builder().optColumns(2).optPanelSize(200, 180).optTitle("flow")
                .addPanel("t = 0", blob(r, 300, 0, 0))
                .addPanel("t = 0.5", blob(r, 300, 1, 1), blob(r, 300, -1, -1))
                .addPanel("t = 1", blob(r, 300, 2, 2), blob(r, 300, 2, -2))
                .build();
        Path file = dir.resolve("grid.png");
        grid.writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(2 * 180 + 30, image.getHeight());
        // Blended with white the markers keep their hue: grey (reference) and orange pixels exist.
        Color greyOnWhite = blend(ScatterGrid.FIRST_COLOR);
        Color orangeOnWhite = blend(ScatterGrid.SECOND_COLOR);
        assertTrue(count(image, greyOnWhite, 30) > 200, "grey markers");
        assertTrue(count(image, orangeOnWhite, 30) > 200, "orange markers");
        // The fourth cell (no panel) stays white.
        for (int y = 30 + 180 + 10; y < image.getHeight() - 10; y += 7) {
            for (int x = 210; x < 390; x += 7) {
                assertEquals(Color.WHITE.getRGB(), image.getRGB(x, y));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ScatterGrid.builder().build());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScatterGrid.builder().addPanel("bad", new double[][] {{0, Double.NaN}})).getMessage().contains("point 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScatterGrid.builder().addPanel("bad", new double[][] {{0, 1, 2}})).getMessage().contains("2 coordinates"));
    }

    private static Color blend(Color c) {
        double a = c.getAlpha() / 255.0;
        return new Color((int) (c.getRed() * a + 255 * (1 - a)), (int) (c.getGreen() * a + 255 * (1 - a)),
                (int) (c.getBlue() * a + 255 * (1 - a)));
    }

    @Test
    void linePlotDrawsSeriesOnALogAxis(@TempDir Path dir) throws Exception {
        double[] train = new double[200];
        double[] val = new double[20];
        double[] valX = new double[20];
        for (int i = 0; i < train.length; i++) {
            train[i] = Math.exp(-i / 40.0) + 1e-3;
        }
        for (int i = 0; i < val.length; i++) {
            valX[i] = 10 * i;
            val[i] = Math.exp(-valX[i] / 50.0) + 2e-3;
        }
        LinePlot plot = LinePlot.builder().optTitle("loss").optLabels("step", "MSE").optLogY(true)
                .addSeries("train", train).addSeries("validation", valX, val).build();
        Path file = dir.resolve("loss.png");
        plot.writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(720, image.getWidth());
        assertTrue(count(image, new Color(31, 119, 180), 40) > 100);
        assertTrue(count(image, new Color(255, 127, 14), 40) > 50);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LinePlot.builder().optLogY(true).addSeries("x", new double[] {1, 0}).build()).getMessage()
                .contains("log axis"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LinePlot.builder().addSeries("x", new double[] {1}, new double[] {1, 2})).getMessage()
                .contains("1 x values but 2 y values"));
    }

    @Test
    void aCompanionSeriesIsDashedInThePreviousColour(@TempDir Path dir) throws Exception {
        double[] x = {1, 2, 4, 8, 16};
        LinePlot plot = LinePlot.builder().optLogX(2).optLogY(true)
                .addSeries("euler uniform", x, new double[] {1, 0.3, 0.1, 0.03, 0.01})
                .addCompanion("euler BOSS", x, new double[] {0.5, 0.1, 0.03, 0.01, 0.005}).build();
        Path file = dir.resolve("steps.png");
        plot.writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        int blue = count(image, new Color(31, 119, 180), 40);
        assertTrue(blue > 300, "both lines are blue: " + blue);
        assertEquals(0, count(image, new Color(255, 127, 14), 40), "the companion took no colour of its own");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LinePlot.builder().addCompanion("alone", x, x)).getMessage().contains("no series before it"));
    }

    @Test
    void aViewRowPutsViewsSideBySide(@TempDir Path dir) throws Exception {
        double[] cloud = new double[3 * 200];
        Random r = new Random(3);
        for (int i = 0; i < cloud.length; i++) {
            cloud[i] = r.nextGaussian();
        }
        ShapeView left = ShapeView.builder().addPoints(cloud, ShapeView.BLUE).optSize(150, 120).build();
        ShapeView right = ShapeView.builder().addPoints(cloud, ShapeView.ORANGE).optSize(150, 160).build();
        Path file = dir.resolve("row.png");
        ViewRow.of(left, right).writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(300, image.getWidth());
        assertEquals(160, image.getHeight());
        int blueLeft = 0;
        int orangeRight = 0;
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 300; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (near(c, ShapeView.BLUE, 60)) {
                    assertTrue(x < 150, "blue pixel in the right view at " + x + ", " + y);
                    blueLeft++;
                }
                if (near(c, ShapeView.ORANGE, 60)) {
                    assertTrue(x >= 150, "orange pixel in the left view at " + x + ", " + y);
                    orangeRight++;
                }
            }
        }
        assertTrue(blueLeft > 50 && orangeRight > 50, blueLeft + " blue, " + orangeRight + " orange pixels");
        assertThrows(IllegalArgumentException.class, () -> ViewRow.of());
    }

    @Test
    void categoryColoursDifferBetweenNeighboursAndRepeatAfterTen() {
        for (int k = 0; k < 9; k++) {
            Color a = ShapeView.categoryColor(k);
            Color b = ShapeView.categoryColor(k + 1);
            int distance = Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                    + Math.abs(a.getBlue() - b.getBlue());
            assertTrue(distance > 100, "colours " + k + " and " + (k + 1) + " are alike: " + a + ", " + b);
        }
        assertEquals(ShapeView.categoryColor(3), ShapeView.categoryColor(13));
        assertThrows(IllegalArgumentException.class, () -> ShapeView.categoryColor(-1));
    }

    @Test
    void shapeViewShadesAMeshAndColoursPointsByValue(@TempDir Path dir) throws Exception {
        // An octahedron and a ring of points around it.
        double[] v = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};
        int[] f = {0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5};
        double[] ring = new double[3 * 100];
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            double a = 2 * Math.PI * i / 100;
            ring[3 * i] = 1.6 * Math.cos(a);
            ring[3 * i + 2] = 1.6 * Math.sin(a);
            values[i] = i;
        }
        ShapeView view = ShapeView.builder().addMesh(v, f).addPoints(ring, values).optPointRadius(3)
                .optSize(300, 300).optView(20, 25).optTitle("octahedron").optValueLabel("index").build();
        Path file = dir.resolve("view.png");
        view.writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(300, image.getWidth());
        // The mesh covers the centre of the picture left of the colour bar (300 - 100 wide) with a grey shade.
        Color centre = new Color(image.getRGB(100, 155));
        assertTrue(centre.getRed() < 250 && Math.abs(centre.getRed() - centre.getBlue()) < 20, centre.toString());
        // Different faces get different Lambert shades.
        assertTrue(distinctGreys(image) >= 3);
        // The colour map ends appear (dark purple low values, yellow high values), depth-shaded.
        assertTrue(count(image, ShapeView.colorMap(1.0), 90) > 0, "yellow end");
        // The colour bar at the right: the map's high end at its top, its low end at its bottom.
        assertTrue(close(new Color(image.getRGB(300 - 85 + 9, 26 + 42)), ShapeView.colorMap(1.0), 30), "bar top");
        assertTrue(close(new Color(image.getRGB(300 - 85 + 9, 300 - 42)), ShapeView.colorMap(0.0), 30), "bar bottom");
        // A mesh coloured by a value per vertex: faces take several colours of the map.
        BufferedImage valued = ShapeView.builder().addMesh(v, f, new double[] {0, 1, 2, 3, 4, 5}).optSize(300, 300)
                .optView(20, 25).optValueLabel("height").build().render();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 80; y < 230; y += 4) {
            for (int x = 40; x < 170; x += 4) {
                Color c = new Color(valued.getRGB(x, y));
                if (!(c.getRed() == c.getGreen() && c.getGreen() == c.getBlue())) {
                    colours.add(c.getRGB() & 0xF0F0F0);
                }
            }
        }
        assertTrue(colours.size() >= 4, "valued faces in " + colours.size() + " colours");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ShapeView.builder().addMesh(v, new int[] {0, 1, 9})).getMessage().contains("out of range"));
        assertThrows(IllegalArgumentException.class, () -> ShapeView.builder().build());
    }

    private static boolean close(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    private static int distinctGreys(BufferedImage image) {
        java.util.Set<Integer> greys = new java.util.HashSet<>();
        for (int y = 60; y < 240; y += 3) {
            for (int x = 60; x < 240; x += 3) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() < 250 && Math.abs(c.getRed() - c.getGreen()) < 8 && Math.abs(c.getBlue() - c.getRed()) < 12) {
                    greys.add(c.getRed() / 6);
                }
            }
        }
        return greys.size();
    }
}
