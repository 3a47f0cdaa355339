package io.flowkit.datasets.molecule.io;

import io.flowkit.datasets.molecule.Bond;
import io.flowkit.datasets.molecule.Elements;
import io.flowkit.datasets.molecule.Molecule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.vecmath.Point2d;
import javax.vecmath.Point3d;
import org.openscience.cdk.CDKConstants;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * Conversion between {@link Molecule} and CDK's {@link IAtomContainer}, so that chemistry
 * workflows can pass their own objects in and get CDK objects out.
 *
 * <p>Mapping: atoms carry their element and 3D point (Å); bonds their order (aromatic bonds, order
 * 4, become aromatic single bonds); the title is {@link CDKConstants#TITLE}; string properties are
 * container properties. The total charge and multiplicity are stored in the container properties
 * {@value #CHARGE} and {@value #MULTIPLICITY} (so that they survive an SDF round trip as data
 * items). Reading a container, these properties win when present; otherwise the charge is the sum
 * of the atoms' formal charges and the multiplicity is 1 + the number of single electrons
 * (radicals), assuming high spin.
 */
public final class CdkMolecules {

    /** Container property holding the total charge. */
    public static final String CHARGE = "charge";
    /** Container property holding the spin multiplicity. */
    public static final String MULTIPLICITY = "multiplicity";

    private CdkMolecules() {}

    /**
     * Builds a CDK container from a molecule.
     *
     * @param molecule the molecule
     * @return a new container (silent builder) with explicit atoms, 3D points, bonds and properties
     */
    public static IAtomContainer toAtomContainer(Molecule molecule) {
        IAtomContainer c = SilentChemObjectBuilder.getInstance().newAtomContainer();
        for (int i = 0; i < molecule.atomCount(); i++) {
            IAtom a = c.getBuilder().newInstance(IAtom.class, molecule.symbol(i));
            a.setAtomicNumber(molecule.atomicNumber(i));
            a.setImplicitHydrogenCount(0);
            a.setPoint3d(new Point3d(molecule.coordinate(i, 0), molecule.coordinate(i, 1), molecule.coordinate(i, 2)));
            c.addAtom(a);
        }
        for (Bond b : molecule.bonds()) {
            IBond.Order order = b.order() == 4 ? IBond.Order.SINGLE : IBond.Order.values()[b.order() - 1];
            c.addBond(b.first(), b.second(), order);
            if (b.order() == 4) {
                IBond bond = c.getBond(c.getBondCount() - 1);
                bond.setIsAromatic(true);
                bond.getBegin().setIsAromatic(true);
                bond.getEnd().setIsAromatic(true);
            }
        }
        molecule.properties().forEach(c::setProperty);
        c.setTitle(molecule.title());
        molecule.charge().ifPresent(q -> c.setProperty(CHARGE, Integer.toString(q)));
        molecule.multiplicity().ifPresent(m -> c.setProperty(MULTIPLICITY, Integer.toString(m)));
        return c;
    }

    /**
     * Reads a molecule out of a CDK container.
     *
     * @param container a container whose atoms have 3D points (2D points are taken with z = 0)
     * @return the molecule
     * @throws IllegalArgumentException naming the atom without coordinates or element, or the bond
     *     with an order other than 1, 2, 3 or aromatic
     */
    public static Molecule fromAtomContainer(IAtomContainer container) {
        int n = container.getAtomCount();
        int[] z = new int[n];
        double[] xyz = new double[3 * n];
        int formalCharge = 0;
        for (int i = 0; i < n; i++) {
            IAtom a = container.getAtom(i);
            Integer number = a.getAtomicNumber();
            z[i] = number != null && number > 0 ? number : Elements.atomicNumber(a.getSymbol());
            Point3d p = a.getPoint3d();
            Point2d q = a.getPoint2d();
            if (p != null) {
                xyz[3 * i] = p.x;
                xyz[3 * i + 1] = p.y;
                xyz[3 * i + 2] = p.z;
            } else if (q != null) {
                xyz[3 * i] = q.x;
                xyz[3 * i + 1] = q.y;
            } else {
                throw new IllegalArgumentException("atom " + i + " (" + a.getSymbol() + ") has no coordinates");
            }
            formalCharge += a.getFormalCharge() == null ? 0 : a.getFormalCharge();
        }
        List<Bond> bonds = new ArrayList<>();
        for (int k = 0; k < container.getBondCount(); k++) {
            IBond b = container.getBond(k);
            int order;
            if (b.isAromatic()) {
                order = 4;
            } else if (b.getOrder() != null && b.getOrder().numeric() >= 1 && b.getOrder().numeric() <= 3) {
                order = b.getOrder().numeric();
            } else {
                throw new IllegalArgumentException("bond " + k + " has an unsupported order: " + b.getOrder());
            }
            bonds.add(new Bond(container.indexOf(b.getBegin()), container.indexOf(b.getEnd()), order));
        }
        Molecule.Builder m = Molecule.builder().setAtomicNumbers(z).setPositions(xyz).optBonds(bonds);
        String title = container.getTitle();
        m.optTitle(title == null ? "" : title.strip());
        Integer charge = null;
        Integer multiplicity = null;
        for (Map.Entry<Object, Object> e : container.getProperties().entrySet()) {
            String key = String.valueOf(e.getKey());
            String value = String.valueOf(e.getValue()).strip();
            if (key.equals(CHARGE)) {
                charge = parseInt(value, CHARGE);
            } else if (key.equals(MULTIPLICITY)) {
                multiplicity = parseInt(value, MULTIPLICITY);
            } else if (!key.equals(CDKConstants.TITLE) && !key.startsWith("cdk:") && e.getValue() instanceof String) {
                m.optProperty(key, value);
            }
        }
        m.optCharge(charge != null ? charge : formalCharge);
        m.optMultiplicity(multiplicity != null ? multiplicity : 1 + container.getSingleElectronCount());
        return m.build();
    }

    private static int parseInt(String value, String key) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + key + "' is not an integer: '" + value + "'");
        }
    }
}
