package io.flowkit.molecules.smiles;

import java.util.SplittableRandom;
import javax.vecmath.Point2d;
import javax.vecmath.Point3d;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.modeling.builder3d.ModelBuilder3D;
import org.openscience.cdk.modeling.builder3d.TemplateHandler3D;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * Starting 3D geometries of a molecular graph for a conformer search, in the graph's atom order.
 * The first start is CDK's template-based {@link ModelBuilder3D} (MM2 parameters; Hoffmann et al.);
 * where it cannot type an atom, and for every further start, the 2D layout of CDK's
 * {@link StructureDiagramGenerator} lifted out of the plane by a seeded random height per atom
 * (up to ±0.6 Å), so that each start relaxes to a different conformer. The starts are rough: they
 * are meant to be optimised (GFN2-xTB) before use.
 */
final class StartGeometries {

    /** The 2D layout's bond length (CDK's default 1.5) scaled to a typical single bond, Å. */
    private static final double LAYOUT_SCALE = 1.45 / 1.5;
    /** Half-width of the random out-of-plane heights, Å. */
    private static final double HEIGHT = 0.6;

    private static final Object BUILDER_LOCK = new Object();

    static {
        QuietBuilderLogging.install();
    }

    private StartGeometries() {}

    /**
     * One start.
     *
     * @param graph the molecule, explicit hydrogens, no coordinates needed (not modified)
     * @param index 0 for the template build, 1 and more for lifted layouts
     * @param seed the seed of the lifted layouts
     * @return interleaved positions in Å, one triple per atom of the graph
     * @throws IllegalStateException if neither builder can place every atom
     */
    static double[] start(IAtomContainer graph, int index, long seed) {
        if (index == 0) {
            double[] built = template(graph);
            if (built != null) {
                return built;
            }
        }
        return liftedLayout(graph, new SplittableRandom(seed * 1_000_003L + index));
    }

    /** ModelBuilder3D's geometry, or null where it fails. */
    private static double[] template(IAtomContainer graph) {
        try {
            IAtomContainer clone = graph.clone();
            IAtomContainer built;
            synchronized (BUILDER_LOCK) {
                // CDK's force-field configurator prints to System.out for every atom MM2 cannot type
                // (the start then comes from the 2D layout): drop this thread's output meanwhile, pass
                // every other thread's through.
                java.io.PrintStream original = System.out;
                Thread builderThread = Thread.currentThread();
                System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        if (Thread.currentThread() != builderThread) {
                            original.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        if (Thread.currentThread() != builderThread) {
                            original.write(b, off, len);
                        }
                    }

                    @Override
                    public void flush() {
                        original.flush();
                    }
                }, true));
                try {
                    ModelBuilder3D builder = ModelBuilder3D.getInstance(TemplateHandler3D.getInstance(), "mm2",
                            SilentChemObjectBuilder.getInstance());
                    built = builder.generate3DCoordinates(clone, false);
                } finally {
                    System.setOut(original);
                }
            }
            if (built.getAtomCount() != graph.getAtomCount()) {
                return null;
            }
            double[] x = new double[3 * graph.getAtomCount()];
            for (int i = 0; i < graph.getAtomCount(); i++) {
                IAtom atom = built.getAtom(i);
                Point3d p = atom.getPoint3d();
                if (p == null || !atom.getSymbol().equals(graph.getAtom(i).getSymbol())) {
                    return null;
                }
                x[3 * i] = p.x;
                x[3 * i + 1] = p.y;
                x[3 * i + 2] = p.z;
            }
            return finite(x) ? x : null;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static double[] liftedLayout(IAtomContainer graph, SplittableRandom random) {
        IAtomContainer clone;
        try {
            clone = graph.clone();
            StructureDiagramGenerator sdg = new StructureDiagramGenerator();
            sdg.generateCoordinates(clone);
        } catch (Exception e) {
            throw new IllegalStateException("CDK's 2D layout failed: " + e.getMessage(), e);
        }
        double[] x = new double[3 * clone.getAtomCount()];
        for (int i = 0; i < clone.getAtomCount(); i++) {
            Point2d p = clone.getAtom(i).getPoint2d();
            if (p == null) {
                throw new IllegalStateException("CDK's 2D layout placed no position for atom " + (i + 1));
            }
            x[3 * i] = p.x * LAYOUT_SCALE + 0.1 * (random.nextDouble() - 0.5);
            x[3 * i + 1] = p.y * LAYOUT_SCALE + 0.1 * (random.nextDouble() - 0.5);
            x[3 * i + 2] = HEIGHT * (2 * random.nextDouble() - 1);
        }
        if (!finite(x)) {
            throw new IllegalStateException("CDK's 2D layout gave a non-finite position");
        }
        return x;
    }

    private static boolean finite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
