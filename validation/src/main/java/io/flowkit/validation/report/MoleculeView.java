package io.flowkit.validation.report;

import io.flowkit.core.math.Kabsch;
import io.flowkit.datasets.molecule.Elements;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A generated transition state drawn as chemists draw molecules: ball and stick, atoms coloured
 * (CPK colours) and sized by element, bonds from covalent radii (a pair closer than 1.2 times the
 * sum of their radii in the reactant or the product). Bonds the reaction keeps are solid; bonds
 * that break or form (bonded on one side only) are dashed. The reference transition state is
 * superposed (Kabsch) and drawn behind as a faint ghost, the atoms that moved most from it are
 * ringed in red, and the caption gives the RMSD and the element legend. The view looks along the
 * structure's smallest principal axis, so the molecule is seen flat-on.
 *
 * <pre>{@code
 * MoleculeView.builder().setAtoms(z).setReaction(reactant, product).setGenerated(ts).optReference(dftTs)
 *         .optTitle("rdb7-12").build().writePng(Path.of("ts.png"));
 * }</pre>
 */
public final class MoleculeView {

    private static final double BOND_FACTOR = 1.2;

    private final int[] z;
    private final boolean[][] inReactant;
    private final boolean[][] inProduct;
    private final double[] generated;
    private final double[] reference;
    private final String title;
    private final int marked;
    private final int width;
    private final int height;

    private MoleculeView(Builder b) {
        this.z = b.z;
        this.inReactant = bonds(b.z, b.reactant);
        this.inProduct = bonds(b.z, b.product);
        this.generated = b.generated;
        this.reference = b.reference == null ? null : Kabsch.superpose(b.reference, b.generated).apply(b.reference);
        this.title = b.title;
        this.marked = b.marked;
        this.width = b.width;
        this.height = b.height;
    }

    /** @return a builder; atoms, reaction and generated structure are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the RMSD of the generated structure to the reference after superposition, NaN without one */
    public double rmsd() {
        return reference == null ? Double.NaN : Kabsch.rmsd(reference, generated);
    }

    /** @return the rendered image */
    public BufferedImage render() {
        BufferedImage image = Png.canvas(width, height);
        Graphics2D g = Png.graphics(image);
        try {
            int n = z.length;
            double[] frame = principalFrame(generated);
            double[] p = project(generated, frame);
            double[] q = reference == null ? null : project(reference, frame);
            double scale = fit(p, q);
            int top = 40;
            int bottom = 70;
            double cx = width / 2.0;
            double cy = top + (height - top - bottom) / 2.0;
            double[] centre = centre(p, q);
            // Ghost of the reference first, then the generated structure, each back to front.
            if (q != null) {
                drawStructure(g, q, centre, scale, cx, cy, true);
            }
            drawStructure(g, p, centre, scale, cx, cy, false);
            if (q != null && marked > 0) {
                double[] moved = new double[n];
                for (int i = 0; i < n; i++) {
                    moved[i] = distance(generated, reference, i);
                }
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Double.compare(moved[b], moved[a]));
                g.setColor(new Color(200, 30, 30));
                g.setStroke(new BasicStroke(2.2f));
                for (int k = 0; k < Math.min(marked, n); k++) {
                    int i = order[k];
                    double x = cx + scale * (p[3 * i] - centre[0]);
                    double y = cy - scale * (p[3 * i + 1] - centre[1]);
                    double xr = cx + scale * (q[3 * i] - centre[0]);
                    double yr = cy - scale * (q[3 * i + 1] - centre[1]);
                    double r = radius(z[i], scale) + 5;
                    g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                    g.draw(new Line2D.Double(x, y, xr, yr));
                    g.drawString(String.format(Locale.ROOT, "%.2f Å", moved[i]), (float) (x + r + 2), (float) (y - r));
                }
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, 12, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            String caption = reference == null ? "generated transition state"
                    : String.format(Locale.ROOT, "generated TS (solid) over the reference TS (faint), RMSD %.3f Å; "
                            + "red rings: the %d atoms farthest from the reference", rmsd(), Math.min(marked, n));
            g.drawString(caption, 12, height - 44);
            g.drawString("bonds: solid kept, dashed breaking or forming; " + legend(), 12, height - 24);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes the picture as PNG (temporary file and move).
     *
     * @param file the target
     * @throws IOException if it cannot be written
     */
    public void writePng(Path file) throws IOException {
        Png.write(render(), file);
    }

    private void drawStructure(Graphics2D g, double[] p, double[] centre, double scale, double cx, double cy,
            boolean ghost) {
        int n = z.length;
        float alpha = ghost ? 0.22f : 1f;
        // Bonds first (under the atoms), then atoms back to front.
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean r = inReactant[i][j];
                boolean pr = inProduct[i][j];
                if (!r && !pr) {
                    continue;
                }
                double x1 = cx + scale * (p[3 * i] - centre[0]);
                double y1 = cy - scale * (p[3 * i + 1] - centre[1]);
                double x2 = cx + scale * (p[3 * j] - centre[0]);
                double y2 = cy - scale * (p[3 * j + 1] - centre[1]);
                float w = (float) Math.max(2, 0.12 * scale);
                g.setStroke(r && pr ? new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                        : new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                                new float[] {w * 1.6f, w * 1.2f}, 0f));
                g.setColor(withAlpha(r && pr ? new Color(90, 90, 90) : new Color(30, 110, 200), alpha));
                g.draw(new Line2D.Double(x1, y1, x2, y2));
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[3 * a + 2], p[3 * b + 2]));
        for (int i : order) {
            double x = cx + scale * (p[3 * i] - centre[0]);
            double y = cy - scale * (p[3 * i + 1] - centre[1]);
            double r = radius(z[i], scale);
            Color c = colour(z[i]);
            if (ghost) {
                g.setColor(withAlpha(c, alpha));
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                continue;
            }
            g.setPaint(new RadialGradientPaint((float) (x - r / 3), (float) (y - r / 3), (float) (1.3 * r),
                    new float[] {0f, 1f}, new Color[] {c.brighter().brighter(), c.darker()}));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            g.setColor(new Color(40, 40, 40));
            g.setStroke(new BasicStroke(1f));
            g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }

    private String legend() {
        TreeSet<Integer> elements = new TreeSet<>();
        for (int a : z) {
            elements.add(a);
        }
        List<String> names = new ArrayList<>();
        for (int e : elements) {
            names.add(Elements.symbol(e) + " " + colourName(e));
        }
        return "atoms: " + String.join(", ", names);
    }

    /** CPK colours (Corey, Pauling, Koltun), as molecular viewers use them. */
    static Color colour(int z) {
        return switch (z) {
            case 1 -> new Color(235, 235, 235);
            case 6 -> new Color(70, 70, 70);
            case 7 -> new Color(48, 80, 248);
            case 8 -> new Color(230, 20, 20);
            case 9, 17 -> new Color(31, 200, 31);
            case 16 -> new Color(230, 200, 40);
            case 15 -> new Color(255, 128, 0);
            default -> new Color(220, 110, 220);
        };
    }

    private static String colourName(int z) {
        return switch (z) {
            case 1 -> "white";
            case 6 -> "grey";
            case 7 -> "blue";
            case 8 -> "red";
            case 9, 17 -> "green";
            case 16 -> "yellow";
            case 15 -> "orange";
            default -> "pink";
        };
    }

    private static double radius(int z, double scale) {
        return Math.max(4, 0.38 * Elements.covalentRadius(z, 0.75) * scale);
    }

    private static Color withAlpha(Color c, float alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(255 * alpha));
    }

    /** Pairs closer than {@value #BOND_FACTOR} times the sum of their covalent radii. */
    static boolean[][] bonds(int[] z, double[] x) {
        return Elements.bondsByCovalentRadii(z, x, BOND_FACTOR);
    }

    /** The distance between atom {@code i} of two structures. */
    private static double distance(double[] a, double[] b, int i) {
        double dx = a[3 * i] - b[3 * i];
        double dy = a[3 * i + 1] - b[3 * i + 1];
        double dz = a[3 * i + 2] - b[3 * i + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The principal axes of a structure (rows, largest spread first), from its covariance. */
    private static double[] principalFrame(double[] x) {
        int n = x.length / 3;
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                mean[d] += x[3 * i + d] / n;
            }
        }
        double[][] c = new double[3][3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    c[a][b] += (x[3 * i + a] - mean[a]) * (x[3 * i + b] - mean[b]);
                }
            }
        }
        org.ejml.simple.SimpleEVD<org.ejml.simple.SimpleMatrix> evd = new org.ejml.simple.SimpleMatrix(c).eig();
        Integer[] order = {0, 1, 2};
        Arrays.sort(order, (a, b) -> Double.compare(evd.getEigenvalue(b).getReal(), evd.getEigenvalue(a).getReal()));
        double[] frame = new double[9];
        for (int k = 0; k < 3; k++) {
            org.ejml.simple.SimpleMatrix v = evd.getEigenVector(order[k]);
            for (int d = 0; d < 3; d++) {
                frame[3 * k + d] = v == null ? (k == d ? 1 : 0) : v.get(d);
            }
        }
        // A right-handed frame: the third axis is the cross product of the first two.
        frame[6] = frame[1] * frame[5] - frame[2] * frame[4];
        frame[7] = frame[2] * frame[3] - frame[0] * frame[5];
        frame[8] = frame[0] * frame[4] - frame[1] * frame[3];
        return frame;
    }

    private static double[] project(double[] x, double[] frame) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = frame[3 * k] * x[3 * i] + frame[3 * k + 1] * x[3 * i + 1] + frame[3 * k + 2] * x[3 * i + 2];
            }
        }
        return out;
    }

    private static double[] centre(double[] p, double[] q) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] s : q == null ? new double[][] {p} : new double[][] {p, q}) {
            for (int i = 0; i < s.length / 3; i++) {
                for (int d = 0; d < 2; d++) {
                    lo[d] = Math.min(lo[d], s[3 * i + d]);
                    hi[d] = Math.max(hi[d], s[3 * i + d]);
                }
            }
        }
        return new double[] {(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2};
    }

    private double fit(double[] p, double[] q) {
        double[] c = centre(p, q);
        double extent = 1e-9;
        for (double[] s : q == null ? new double[][] {p} : new double[][] {p, q}) {
            for (int i = 0; i < s.length / 3; i++) {
                extent = Math.max(extent, Math.max(Math.abs(s[3 * i] - c[0]) / (width - 80) * 2,
                        Math.abs(s[3 * i + 1] - c[1]) / (height - 160) * 2));
            }
        }
        return 1 / extent;
    }

    /** Settings of a {@link MoleculeView}. */
    public static final class Builder {
        private int[] z;
        private double[] reactant;
        private double[] product;
        private double[] generated;
        private double[] reference;
        private String title = "";
        private int marked = 3;
        private int width = 760;
        private int height = 560;

        private Builder() {}

        /**
         * @param atomicNumbers the element of each atom
         * @return this builder
         */
        public Builder setAtoms(int[] atomicNumbers) {
            this.z = atomicNumbers.clone();
            return this;
        }

        /**
         * @param reactantPositions the reactant, interleaved xyz in Å (its bonds)
         * @param productPositions the product, same atoms (its bonds)
         * @return this builder
         */
        public Builder setReaction(double[] reactantPositions, double[] productPositions) {
            this.reactant = reactantPositions.clone();
            this.product = productPositions.clone();
            return this;
        }

        /**
         * @param positions the generated transition state, interleaved xyz in Å
         * @return this builder
         */
        public Builder setGenerated(double[] positions) {
            this.generated = positions.clone();
            return this;
        }

        /**
         * @param positions the reference transition state (superposed onto the generated one)
         * @return this builder
         */
        public Builder optReference(double[] positions) {
            this.reference = positions.clone();
            return this;
        }

        /**
         * @param value the title line
         * @return this builder
         */
        public Builder optTitle(String value) {
            this.title = Objects.requireNonNull(value, "title");
            return this;
        }

        /**
         * @param count atoms farthest from the reference to ring (default 3; 0 for none)
         * @return this builder
         */
        public Builder optMarked(int count) {
            this.marked = count;
            return this;
        }

        /**
         * @param w width in pixels (default 760)
         * @param h height in pixels (default 560)
         * @return this builder
         */
        public Builder optSize(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        /**
         * @return the view
         * @throws IllegalArgumentException when a required part is missing, the arrays disagree
         *     in atom count, or the picture is too small
         */
        public MoleculeView build() {
            if (z == null || reactant == null || product == null || generated == null) {
                throw new IllegalArgumentException("atoms, reaction and generated structure are required");
            }
            int n = z.length;
            for (double[] x : reference == null ? new double[][] {reactant, product, generated}
                    : new double[][] {reactant, product, generated, reference}) {
                if (x.length != 3 * n) {
                    throw new IllegalArgumentException("positions hold " + x.length / 3 + " atoms but there are " + n);
                }
            }
            if (width < 200 || height < 200) {
                throw new IllegalArgumentException("picture is smaller than 200 x 200: " + width + " x " + height);
            }
            if (marked < 0) {
                throw new IllegalArgumentException("marked atoms is negative: " + marked);
            }
            return new MoleculeView(this);
        }
    }
}
