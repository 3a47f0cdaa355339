package io.flowkit.datasets.molecule.io;

import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.ReactionEnergies;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads reactions from the HDF5 file of the Transition1x release (Schreiner et al. 2022,
 * "Transition1x - a dataset for building generalizable reactive machine learning potentials",
 * Sci. Data 9, 779) with the pure-Java jHDF library.
 *
 * <p>Layout: a split group ({@code data}, {@code train}, {@code val} or {@code test}) holds one
 * group per formula, which holds one group per reaction ({@code rxn0001}, ...). Each reaction group
 * has subgroups {@code reactant}, {@code transition_state} and {@code product}, each with the
 * datasets {@code atomic_numbers} (atoms), {@code positions} (frames × atoms × 3, Å) and
 * {@code wB97x_6-31G(d).energy} (frames, eV); the first frame is taken. The reaction group itself
 * also holds the whole NEB path in the same datasets, which this reader does not load.
 */
public final class Transition1xReader {

    /** The energy dataset name of the release (ωB97x/6-31G(d), eV). */
    public static final String ENERGY = "wB97x_6-31G(d).energy";
    /** The splits of the release. */
    public static final List<String> SPLITS = List.of("data", "train", "val", "test");

    private Transition1xReader() {}

    /**
     * Reads every reaction of a split, each with transition state and energies; the reaction id is
     * {@code formula/reaction}, for example {@code C2H2O/rxn0001}.
     *
     * @param file the HDF5 file
     * @param split the split group name, usually one of {@link #SPLITS}
     * @return the reactions, formulas and reactions in name order (as h5py lists them)
     * @throws MalformedInputException naming the file, the HDF5 path and the problem: a missing
     *     group or dataset, a shape mismatch, non-finite values, or atom orders that differ
     * @throws IOException if the file cannot be read
     */
    public static List<Reaction> read(Path file, String split) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        List<Reaction> out = new ArrayList<>();
        try (HdfFile hdf = new HdfFile(file)) {
            Node splitNode = hdf.getChildren().get(split);
            if (!(splitNode instanceof Group)) {
                throw MalformedInputException.of(file, "no split group '/" + split + "'; the file has " + hdf.getChildren().keySet());
            }
            for (Group formula : sortedGroups((Group) splitNode)) {
                for (Group rxn : sortedGroups(formula)) {
                    out.add(reaction(file, formula.getName() + "/" + rxn.getName(), rxn));
                }
            }
        } catch (HdfException e) {
            throw MalformedInputException.of(file, "not a readable HDF5 file: " + e.getMessage(), e);
        }
        return out;
    }

    /** The child groups in name order, the order h5py iterates them. */
    private static List<Group> sortedGroups(Group parent) {
        List<Group> groups = new ArrayList<>();
        for (Node n : parent) {
            if (n instanceof Group) {
                groups.add((Group) n);
            }
        }
        groups.sort(java.util.Comparator.comparing(Node::getName));
        return groups;
    }

    private static Reaction reaction(Path file, String id, Group group) throws MalformedInputException {
        double[] energies = new double[3];
        Molecule r = structure(file, group, "reactant", energies, 0);
        Molecule ts = structure(file, group, "transition_state", energies, 1);
        Molecule p = structure(file, group, "product", energies, 2);
        try {
            return Reaction.builder().setId(id).setReactant(r).setProduct(p).optTransitionState(ts)
                    .optEnergies(new ReactionEnergies(energies[0], energies[1], energies[2])).build();
        } catch (IllegalArgumentException e) {
            throw MalformedInputException.of(file, group.getPath() + ": " + e.getMessage(), e);
        }
    }

    private static Molecule structure(Path file, Group reaction, String name, double[] energies, int slot)
            throws MalformedInputException {
        Node node = reaction.getChild(name);
        String path = reaction.getPath() + name;
        if (!(node instanceof Group)) {
            throw MalformedInputException.of(file, path + ": missing group");
        }
        Group g = (Group) node;
        double[] z = flat(file, g, path, "atomic_numbers");
        double[] pos = flat(file, g, path, "positions");
        double[] e = flat(file, g, path, ENERGY);
        int n = z.length;
        if (n == 0 || pos.length < 3 * n || pos.length % (3 * n) != 0) {
            throw MalformedInputException.of(file, path + "/positions holds " + pos.length + " values, not frames x "
                    + n + " atoms x 3");
        }
        if (e.length == 0) {
            throw MalformedInputException.of(file, path + "/" + ENERGY + " is empty");
        }
        energies[slot] = e[0];
        int[] numbers = new int[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = (int) z[i];
        }
        double[] first = java.util.Arrays.copyOf(pos, 3 * n);
        try {
            return Molecule.builder().setAtomicNumbers(numbers).setPositions(first).optTitle(path).build();
        } catch (IllegalArgumentException ex) {
            throw MalformedInputException.of(file, path + ": " + ex.getMessage(), ex);
        }
    }

    private static double[] flat(Path file, Group g, String path, String name) throws MalformedInputException {
        Node node = g.getChild(name);
        if (!(node instanceof Dataset)) {
            throw MalformedInputException.of(file, path + ": missing dataset '" + name + "'");
        }
        Object data = ((Dataset) node).getDataFlat();
        if (data == null || !data.getClass().isArray()) {
            throw MalformedInputException.of(file, path + "/" + name + " is not a numeric array");
        }
        if (data instanceof double[]) {
            return (double[]) data;
        }
        int n = Array.getLength(data);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(data, i);
            if (!(v instanceof Number)) {
                throw MalformedInputException.of(file, path + "/" + name + " is not numeric");
            }
            out[i] = ((Number) v).doubleValue();
        }
        return out;
    }
}
