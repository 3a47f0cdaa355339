package io.flowkit.datasets.molecule.io;

import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reactions stored as parallel SDF files, record i of each being the same reaction with the same
 * atom order (the layout of the Grambow/Pattanaik test set: {@code reactants.sdf},
 * {@code products.sdf}, {@code ts.sdf}). The atom order is checked element by element.
 */
public final class ReactionTriplets {

    private ReactionTriplets() {}

    /**
     * Reads reactions from parallel SDF files.
     *
     * @param reactants SDF of reactants
     * @param products SDF of products, same record count and atom order
     * @param transitionStates SDF of transition states, same record count and atom order, or null
     * @param ids gives the identifier of reaction i from its index and records; see {@link #read(Path, Path, Path)}
     * @return the reactions, in record order
     * @throws MalformedInputException when a file is malformed, the record counts differ, or the
     *     atom order differs (naming both files, the record and the atom)
     * @throws IOException if a file cannot be read
     */
    public static List<Reaction> read(Path reactants, Path products, Path transitionStates, IntFunction<String> ids)
            throws IOException {
        List<Molecule> r = SdfFormat.readAll(reactants);
        List<Molecule> p = SdfFormat.readAll(products);
        List<Molecule> ts = transitionStates == null ? null : SdfFormat.readAll(transitionStates);
        checkCount(products, p.size(), reactants, r.size());
        if (ts != null) {
            checkCount(transitionStates, ts.size(), reactants, r.size());
        }
        List<Reaction> out = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
            String id = ids.apply(i);
            checkOrder(reactants, r.get(i), products, p.get(i), i, id);
            if (ts != null) {
                checkOrder(reactants, r.get(i), transitionStates, ts.get(i), i, id);
            }
            Reaction.Builder b = Reaction.builder().setId(id).setReactant(r.get(i)).setProduct(p.get(i));
            if (ts != null) {
                b.optTransitionState(ts.get(i));
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * Reads reactions from parallel SDF files, naming reaction i {@code "i"}.
     *
     * @param reactants SDF of reactants
     * @param products SDF of products
     * @param transitionStates SDF of transition states, or null
     * @return the reactions
     * @throws MalformedInputException as {@link #read(Path, Path, Path, IntFunction)}
     * @throws IOException if a file cannot be read
     */
    public static List<Reaction> read(Path reactants, Path products, Path transitionStates) throws IOException {
        return read(reactants, products, transitionStates, Integer::toString);
    }

    private static void checkCount(Path file, int count, Path reference, int expected) throws MalformedInputException {
        if (count != expected) {
            throw MalformedInputException.of(file, "holds " + count + " records but " + reference.getFileName()
                    + " holds " + expected + "; record i of each must be the same reaction");
        }
    }

    /**
     * Checks that record {@code index} of two files lists the same elements in the same order.
     *
     * @param aFile first file
     * @param a its record
     * @param bFile second file
     * @param b its record
     * @param index record index
     * @param id reaction identifier
     * @throws MalformedInputException naming the second file, the record and the first differing atom
     */
    public static void checkOrder(Path aFile, Molecule a, Path bFile, Molecule b, int index, String id)
            throws MalformedInputException {
        String problem = null;
        if (a.atomCount() != b.atomCount()) {
            problem = "reaction " + id + " has " + b.atomCount() + " atoms here but " + a.atomCount() + " in " + aFile.getFileName();
        } else {
            for (int k = 0; k < a.atomCount() && problem == null; k++) {
                if (a.atomicNumber(k) != b.atomicNumber(k)) {
                    problem = "reaction " + id + ": atom " + k + " is " + b.symbol(k) + " here but " + a.symbol(k)
                            + " in " + aFile.getFileName() + " (atom order differs)";
                }
            }
        }
        if (problem != null) {
            throw MalformedInputException.inRecord(bFile, index, -1, problem, null);
        }
    }
}
