package io.flowkit.molecules.smiles;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IDoubleBondStereochemistry;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.interfaces.ITetrahedralChirality;

/**
 * Whether a 3D geometry has the stereo configuration its SMILES gives, element by element: each
 * tetrahedral centre by the sign of the volume its four neighbours span (looking from the first
 * neighbour, the other three turn clockwise when the volume {@code det(b − a, c − a, d − a)} is
 * positive), each stereo double bond by its dihedral angle (cis below 90°). The mirror image inverts
 * every centre and keeps every double bond, and has the same energy, so it is accepted too. Stereo
 * the SMILES does not give is not checked.
 */
final class StereoCheck {

    /** The outcome of a check. */
    enum Outcome {
        /** The geometry has the SMILES's configuration (or the SMILES specifies none). */
        MATCH,
        /** Its mirror image has it. */
        MIRROR,
        /** Neither has it. */
        MISMATCH
    }

    private StereoCheck() {}

    /**
     * Checks a geometry.
     *
     * @param graph the side in map order, with the SMILES's stereo elements
     * @param x interleaved positions, Å
     * @return the outcome
     */
    static Outcome check(IAtomContainer graph, double[] x) {
        int centres = 0;
        int centresRight = 0;
        boolean bondsRight = true;
        for (IStereoElement<?, ?> element : graph.stereoElements()) {
            if (element instanceof ITetrahedralChirality tc) {
                IAtom[] l = tc.getLigands();
                if (l.length != 4) {
                    continue;
                }
                int a = graph.indexOf(l[0]);
                int b = graph.indexOf(l[1]);
                int c = graph.indexOf(l[2]);
                int d = graph.indexOf(l[3]);
                double volume = volume(x, a, b, c, d);
                boolean clockwise = tc.getStereo() == ITetrahedralChirality.Stereo.CLOCKWISE;
                centres++;
                if (volume > 0 == clockwise) {
                    centresRight++;
                }
            } else if (element instanceof IDoubleBondStereochemistry db) {
                IBond stereoBond = db.getStereoBond();
                IBond[] ligands = db.getBonds();
                int p = graph.indexOf(stereoBond.getBegin());
                int q = graph.indexOf(stereoBond.getEnd());
                int u = graph.indexOf(ligands[0].getOther(stereoBond.getBegin()) != null
                        && ligands[0].contains(stereoBond.getBegin()) ? ligands[0].getOther(stereoBond.getBegin())
                        : ligands[0].getOther(stereoBond.getEnd()));
                int v = graph.indexOf(ligands[1].contains(stereoBond.getEnd()) ? ligands[1].getOther(stereoBond.getEnd())
                        : ligands[1].getOther(stereoBond.getBegin()));
                // u hangs on one end, v on the other: order the dihedral u-(its end)-(other end)-v.
                int uEnd = ligands[0].contains(stereoBond.getBegin()) ? p : q;
                int vEnd = uEnd == p ? q : p;
                boolean cis = Math.abs(dihedral(x, u, uEnd, vEnd, v)) < Math.PI / 2;
                boolean together = db.getStereo() == IDoubleBondStereochemistry.Conformation.TOGETHER;
                bondsRight &= cis == together;
            }
        }
        if (!bondsRight) {
            return Outcome.MISMATCH;
        }
        if (centresRight == centres) {
            return Outcome.MATCH;
        }
        return centresRight == 0 ? Outcome.MIRROR : Outcome.MISMATCH;
    }

    /**
     * The mirror image of a geometry (x negated).
     *
     * @param positions interleaved positions
     * @return a new array
     */
    static double[] mirror(double[] positions) {
        double[] m = positions.clone();
        for (int i = 0; i < m.length; i += 3) {
            m[i] = -m[i];
        }
        return m;
    }

    private static double volume(double[] x, int a, int b, int c, int d) {
        double[] u = diff(x, b, a);
        double[] v = diff(x, c, a);
        double[] w = diff(x, d, a);
        return u[0] * (v[1] * w[2] - v[2] * w[1]) - u[1] * (v[0] * w[2] - v[2] * w[0]) + u[2] * (v[0] * w[1] - v[1] * w[0]);
    }

    private static double dihedral(double[] x, int a, int b, int c, int d) {
        double[] b1 = diff(x, b, a);
        double[] b2 = diff(x, c, b);
        double[] b3 = diff(x, d, c);
        double[] n1 = cross(b1, b2);
        double[] n2 = cross(b2, b3);
        double norm = Math.sqrt(b2[0] * b2[0] + b2[1] * b2[1] + b2[2] * b2[2]);
        double[] m1 = cross(n1, new double[] {b2[0] / norm, b2[1] / norm, b2[2] / norm});
        double xx = n1[0] * n2[0] + n1[1] * n2[1] + n1[2] * n2[2];
        double yy = m1[0] * n2[0] + m1[1] * n2[1] + m1[2] * n2[2];
        return Math.atan2(yy, xx);
    }

    private static double[] diff(double[] x, int i, int j) {
        return new double[] {x[3 * i] - x[3 * j], x[3 * i + 1] - x[3 * j + 1], x[3 * i + 2] - x[3 * j + 2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
