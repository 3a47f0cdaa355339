package io.flowkit.datasets.catalog;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.molecule.Elements;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.ReactionSmiles;
import io.flowkit.datasets.molecule.io.ReactionTriplets;
import io.flowkit.datasets.molecule.io.XyzFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RDB7: 11,822 gas-phase organic reactions (4 to 23 atoms; H, C, N, O) with reactant, transition
 * state and product at ωB97X-D3/def2-TZVP (Grambow, Pattanaik and Green, Sci. Data 7, 137, 2020;
 * Spiekermann, Pattanaik and Green, Sci. Data 9, 417, 2022), the full set behind
 * {@link Grambow842}. The folder {@code reactions/rdb7} holds:
 * <ul>
 *   <li>{@code reactants.xyz}, {@code ts.xyz}, {@code products.xyz}: multi-frame XYZ, frame i of each
 *       being reaction i with one atom order, each comment line {@code rxn=<id>};</li>
 *   <li>{@code reactions.csv}: {@code rxn}, the atom-mapped reaction SMILES (map number k is atom
 *       k − 1 of the XYZ frames), {@code dE0_kcal_mol} (forward barrier, CCSD(T)-F12, kcal/mol) and
 *       {@code grambow842_index} (the reaction's position in the original list of 842 Grambow test
 *       reactions, or empty; see {@link #grambowRecords(Grambow842)} for the records of
 *       {@code grambow-842}).</li>
 * </ul>
 * Loading checks that the four files agree record by record: the same reaction id, the same atom
 * order in the three geometries, finite coordinates, and SMILES whose map numbers name every atom
 * once with its element. A broken record is reported with its file, record and problem.
 */
public final class Rdb7 {

    /** The data set folder under {@code FLOWKIT_DATA}. */
    public static final String DATASET = "reactions/rdb7";
    /** The header of {@code reactions.csv}. */
    public static final String HEADER = "rxn,smiles,dE0_kcal_mol,grambow842_index";

    private static final Pattern MAPPED_ATOM = Pattern.compile("\\[([A-Za-z][a-z]?)[^\\]:]*:(\\d+)\\]");

    private final List<Entry> entries;
    private volatile String[][] keys;

    /**
     * One reaction of RDB7.
     *
     * @param record the record index in the files, from 0
     * @param reaction reactant, product and transition state (id {@code rdb7-<rxn>}), neutral, lowest
     *     spin state; the reactant and product titles are the two sides of the mapped SMILES
     * @param smiles the atom-mapped reaction SMILES
     * @param barrierKcalPerMol the forward barrier dE0 (CCSD(T)-F12), kcal/mol
     * @param grambow842Index the position in the original list of 842 Grambow test reactions, when the
     *     reaction is one of those ({@link Rdb7#grambowRecords(Grambow842)} gives the records of
     *     {@code grambow-842}, which keeps 742 of them in order)
     */
    public record Entry(int record, Reaction reaction, String smiles, double barrierKcalPerMol,
            OptionalInt grambow842Index) {

        /** @return the reaction id, {@code rdb7-<rxn>} */
        public String id() {
            return reaction.id();
        }
    }

    private Rdb7(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Loads the data set from {@code FLOWKIT_DATA}.
     *
     * @return the data set
     * @throws IOException if a file is missing or malformed or the files disagree (naming the file and
     *     record)
     * @throws IllegalStateException if the data set folder is not found
     */
    public static Rdb7 load() throws IOException {
        return load(DataLocation.dataset(DATASET));
    }

    /**
     * Loads the data set from a folder holding the four files.
     *
     * @param folder the folder
     * @return the data set
     * @throws IOException if a file is missing or malformed or the files disagree (naming the file and
     *     record)
     */
    public static Rdb7 load(Path folder) throws IOException {
        Path csv = folder.resolve("reactions.csv");
        List<String[]> rows = readTable(csv);
        Path reactantFile = folder.resolve("reactants.xyz");
        Path tsFile = folder.resolve("ts.xyz");
        Path productFile = folder.resolve("products.xyz");
        List<Molecule> reactants = readFrames(reactantFile);
        List<Molecule> states = readFrames(tsFile);
        List<Molecule> products = readFrames(productFile);
        for (var file : List.of(Map.entry(reactantFile, reactants.size()), Map.entry(tsFile, states.size()),
                Map.entry(productFile, products.size()))) {
            if (file.getValue() != rows.size()) {
                throw MalformedInputException.of(file.getKey(), "holds " + file.getValue() + " frames but "
                        + csv.getFileName() + " has " + rows.size() + " reactions; frame i of each must be reaction i");
            }
        }
        List<Entry> entries = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String rxn = row[0];
            if (seen.put(rxn, i) != null) {
                throw MalformedInputException.inRecord(csv, i, i + 2, "reaction id " + rxn + " appears twice (records "
                        + seen.get(rxn) + " and " + i + ")", null);
            }
            String id = "rdb7-" + rxn;
            checkId(reactantFile, reactants.get(i), i, rxn);
            checkId(tsFile, states.get(i), i, rxn);
            checkId(productFile, products.get(i), i, rxn);
            ReactionTriplets.checkOrder(reactantFile, reactants.get(i), tsFile, states.get(i), i, id);
            ReactionTriplets.checkOrder(reactantFile, reactants.get(i), productFile, products.get(i), i, id);
            String smiles = row[1];
            checkMaps(csv, i, smiles, reactants.get(i));
            double barrier;
            OptionalInt grambow;
            try {
                barrier = Double.parseDouble(row[2]);
                grambow = row[3].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(row[3]));
            } catch (NumberFormatException e) {
                throw MalformedInputException.inRecord(csv, i, i + 2, "reaction " + rxn + ": not a number: "
                        + e.getMessage(), e);
            }
            if (!Double.isFinite(barrier)) {
                throw MalformedInputException.inRecord(csv, i, i + 2, "reaction " + rxn + ": barrier is not finite: "
                        + row[2], null);
            }
            Reaction reaction = Reaction.builder().setId(id)
                    .setReactant(groundState(reactants.get(i), ReactionSmiles.side(smiles, 0)))
                    .setProduct(groundState(products.get(i), ReactionSmiles.side(smiles, 2)))
                    .optTransitionState(groundState(states.get(i), id)).build();
            entries.add(new Entry(i, reaction, smiles, barrier, grambow));
        }
        return new Rdb7(List.copyOf(entries));
    }

    /** @return every reaction, in record order */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the reactions (reactant, product, reference transition state), in record order */
    public List<Reaction> reactions() {
        return entries.stream().map(Entry::reaction).toList();
    }

    /** @return the number of reactions */
    public int size() {
        return entries.size();
    }

    /**
     * The key that groups reactions of one reactant: the canonical SMILES of the reactant side
     * without atom maps ({@link ReactionSmiles#canonicalReactant(String)}), computed once for all
     * records on first use.
     *
     * @param record the record index
     * @return the key of that record's reactant
     */
    public String reactantKey(int record) {
        return keys()[0][record];
    }

    /**
     * The canonical SMILES of a record's product side without atom maps, as
     * {@link #reactantKey(int)}: with it a split can also keep a reaction and its reverse together.
     *
     * @param record the record index
     * @return the key of that record's product
     */
    public String productKey(int record) {
        return keys()[1][record];
    }

    private String[][] keys() {
        String[][] k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = new String[][] {
                        entries.parallelStream().map(e -> ReactionSmiles.canonicalReactant(e.smiles())).toArray(String[]::new),
                        entries.parallelStream().map(e -> ReactionSmiles.canonicalProduct(e.smiles())).toArray(String[]::new)};
                    keys = k;
                }
            }
        }
        return k;
    }

    /**
     * The RDB7 entry of each {@code grambow-842} record. The column {@code grambow842_index} counts
     * in the original list of 842 test reactions of Pattanaik et al. (2020), of which the
     * {@code grambow-842} folder keeps 742 in the same order; a record is therefore matched to the
     * entry among those with a {@code grambow842_index} whose transition state has the same element
     * sequence and the same sorted interatomic distances (to {@value #MATCH_TOLERANCE} Å), which
     * needs no common frame. The matched indices increase with the record index (checked).
     *
     * @param grambow the Grambow data set
     * @return for each matched Grambow record index, its RDB7 entry (records RDB7 lacks are absent)
     * @throws IllegalStateException if two records match one entry or the order is not kept
     */
    public Map<Integer, Entry> grambowRecords(Grambow842 grambow) {
        Map<String, List<Entry>> bySequence = new HashMap<>();
        for (Entry e : entries) {
            if (e.grambow842Index().isPresent()) {
                bySequence.computeIfAbsent(sequence(e.reaction().transitionState().orElseThrow()), k -> new ArrayList<>())
                        .add(e);
            }
        }
        Map<Integer, Entry> matched = new java.util.TreeMap<>();
        Map<Integer, Integer> claimed = new HashMap<>();
        int previous = -1;
        for (int j = 0; j < grambow.size(); j++) {
            Molecule ts = grambow.reactions().get(j).transitionState().orElseThrow();
            double[] d = sortedDistances(ts);
            Entry best = null;
            double bestError = MATCH_TOLERANCE;
            for (Entry e : bySequence.getOrDefault(sequence(ts), List.of())) {
                double[] other = sortedDistances(e.reaction().transitionState().orElseThrow());
                double error = 0;
                for (int k = 0; k < d.length; k++) {
                    error = Math.max(error, Math.abs(d[k] - other[k]));
                }
                if (error < bestError) {
                    best = e;
                    bestError = error;
                }
            }
            if (best == null) {
                continue;
            }
            Integer other = claimed.put(best.record(), j);
            int index = best.grambow842Index().getAsInt();
            if (other != null || index <= previous) {
                throw new IllegalStateException("grambow-842 record " + j + " matches " + best.id()
                        + (other != null ? ", which record " + other + " matched too" : " out of order (grambow842_index "
                        + index + " after " + previous + ")"));
            }
            previous = index;
            matched.put(j, best);
        }
        return java.util.Collections.unmodifiableMap(matched);
    }

    /** The largest difference of sorted interatomic distances, Å, for a Grambow record to match an entry. */
    public static final double MATCH_TOLERANCE = 0.01;

    private static String sequence(Molecule m) {
        return java.util.Arrays.toString(m.atomicNumbers());
    }

    private static double[] sortedDistances(Molecule m) {
        int n = m.atomCount();
        double[] x = m.positions();
        double[] d = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                d[k++] = Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        java.util.Arrays.sort(d);
        return d;
    }

    private static List<Molecule> readFrames(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "RDB7 file is missing");
        }
        return XyzFormat.readAll(file);
    }

    private static List<String[]> readTable(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            throw new NoSuchFileException(csv.toString(), null, "RDB7 reaction table is missing");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw MalformedInputException.atLine(csv, 1, "expected the header '" + HEADER + "' but found '"
                        + (header == null ? "" : header.strip()) + "'");
            }
            String line;
            long number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 4) {
                    throw MalformedInputException.inRecord(csv, rows.size(), number, "expected 4 columns ("
                            + HEADER + ") but found " + cells.length, null);
                }
                for (int k = 0; k < 4; k++) {
                    cells[k] = cells[k].strip();
                }
                rows.add(cells);
            }
        } catch (CharacterCodingException e) {
            throw MalformedInputException.of(csv, "is not UTF-8 text (a binary file?)", e);
        }
        if (rows.isEmpty()) {
            throw MalformedInputException.of(csv, "holds no reactions");
        }
        return rows;
    }

    private static void checkId(Path file, Molecule m, int record, String rxn) throws MalformedInputException {
        String found = m.properties().getOrDefault("rxn", m.title().startsWith("rxn=") ? m.title().substring(4) : null);
        if (!rxn.equals(found == null ? null : found.strip())) {
            throw MalformedInputException.inRecord(file, record, -1, "frame is reaction '" + found
                    + "' but reactions.csv names reaction " + rxn + " for this record", null);
        }
    }

    /** Checks that the map numbers of each side name atoms 1..N once each, with the XYZ element. */
    private static void checkMaps(Path csv, int record, String smiles, Molecule atoms) throws MalformedInputException {
        for (int side : new int[] {0, 2}) {
            String text;
            try {
                text = ReactionSmiles.side(smiles, side);
            } catch (IllegalArgumentException e) {
                throw MalformedInputException.inRecord(csv, record, record + 2, e.getMessage(), e);
            }
            boolean[] seen = new boolean[atoms.atomCount()];
            int count = 0;
            Matcher m = MAPPED_ATOM.matcher(text);
            while (m.find()) {
                int map = Integer.parseInt(m.group(2));
                String symbol = m.group(1);
                symbol = Character.toUpperCase(symbol.charAt(0)) + symbol.substring(1);
                String problem = null;
                if (map < 1 || map > seen.length) {
                    problem = "map number " + map + " is outside 1.." + seen.length;
                } else if (seen[map - 1]) {
                    problem = "map number " + map + " appears twice";
                } else if (Elements.atomicNumber(symbol) != atoms.atomicNumber(map - 1)) {
                    problem = "map number " + map + " is " + symbol + " but atom " + (map - 1) + " of the geometry is "
                            + atoms.symbol(map - 1);
                }
                if (problem != null) {
                    throw MalformedInputException.inRecord(csv, record, record + 2, (side == 0 ? "reactant" : "product")
                            + " SMILES: " + problem, null);
                }
                seen[map - 1] = true;
                count++;
            }
            if (count != seen.length) {
                throw MalformedInputException.inRecord(csv, record, record + 2, (side == 0 ? "reactant" : "product")
                        + " SMILES maps " + count + " atoms but the geometry has " + seen.length, null);
            }
        }
    }

    /** Neutral and lowest spin, as the DFT calculations were ({@link Grambow842}'s rule), with a title. */
    private static Molecule groundState(Molecule m, String title) {
        return Grambow842.groundState(m).toBuilder().optTitle(title).build();
    }
}
