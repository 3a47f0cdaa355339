package io.flowkit.datasets.molecule;

/**
 * Chemical element symbols and atomic numbers (1 to 118), backed by CDK's element table.
 */
public final class Elements {

    /** The largest atomic number accepted. */
    public static final int MAX_ATOMIC_NUMBER = 118;

    private static final String[] SYMBOLS = new String[MAX_ATOMIC_NUMBER + 1];

    static {
        for (int z = 1; z <= MAX_ATOMIC_NUMBER; z++) {
            SYMBOLS[z] = org.openscience.cdk.config.Elements.ofNumber(z).symbol();
        }
    }

    private Elements() {}

    /**
     * The symbol of an element.
     *
     * @param atomicNumber 1 to 118
     * @return the symbol, for example "C"
     * @throws IllegalArgumentException for an atomic number out of range
     */
    public static String symbol(int atomicNumber) {
        checkAtomicNumber(atomicNumber);
        return SYMBOLS[atomicNumber];
    }

    /**
     * The atomic number of an element symbol, case-insensitive ("c", "C" and "CL" are accepted).
     *
     * @param symbol the symbol
     * @return its atomic number
     * @throws IllegalArgumentException "unknown element symbol: Xx"
     */
    public static int atomicNumber(String symbol) {
        if (symbol != null && !symbol.isEmpty() && symbol.length() <= 3) {
            String normal = Character.toUpperCase(symbol.charAt(0)) + symbol.substring(1).toLowerCase(java.util.Locale.ROOT);
            for (int z = 1; z <= MAX_ATOMIC_NUMBER; z++) {
                if (SYMBOLS[z].equals(normal)) {
                    return z;
                }
            }
        }
        throw new IllegalArgumentException("unknown element symbol: " + symbol);
    }

    /**
     * Checks an atomic number.
     *
     * @param atomicNumber the value
     * @return the value
     * @throws IllegalArgumentException "atomic number is out of range 1..118: 0"
     */
    public static int checkAtomicNumber(int atomicNumber) {
        if (atomicNumber < 1 || atomicNumber > MAX_ATOMIC_NUMBER) {
            throw new IllegalArgumentException("atomic number is out of range 1.." + MAX_ATOMIC_NUMBER + ": " + atomicNumber);
        }
        return atomicNumber;
    }

    /**
     * The single-bond covalent radius of an element (Cordero et al., "Covalent radii revisited",
     * Dalton Trans. 2008, 2832), in Å, for the elements of organic chemistry; the fallback for others.
     *
     * @param atomicNumber the atomic number
     * @param fallback the radius returned for an element not tabulated here, Å
     * @return the radius in Å
     */
    public static double covalentRadius(int atomicNumber, double fallback) {
        return switch (atomicNumber) {
            case 1 -> 0.31;
            case 5 -> 0.84;
            case 6 -> 0.76;
            case 7 -> 0.71;
            case 8 -> 0.66;
            case 9 -> 0.57;
            case 14 -> 1.11;
            case 15 -> 1.07;
            case 16 -> 1.05;
            case 17 -> 1.02;
            case 35 -> 1.20;
            default -> fallback;
        };
    }

    /**
     * The bonds of a geometry from covalent radii: atoms {@code i} and {@code j} are bonded when
     * closer than {@code factor} times the sum of their radii ({@link #covalentRadius}, 0.75 Å for
     * elements not tabulated).
     *
     * @param atomicNumbers the element of each atom
     * @param positions interleaved xyz in Å, one triple per atom
     * @param factor the tolerance on the sum of the radii, e.g. 1.2
     * @return a symmetric matrix, true for bonded pairs (the diagonal false)
     * @throws IllegalArgumentException if the positions do not hold one triple per atom
     */
    public static boolean[][] bondsByCovalentRadii(int[] atomicNumbers, double[] positions, double factor) {
        int n = atomicNumbers.length;
        if (positions.length != 3 * n) {
            throw new IllegalArgumentException("positions hold " + positions.length / 3.0 + " atoms but there are " + n);
        }
        boolean[][] bonded = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = positions[3 * i] - positions[3 * j];
                double dy = positions[3 * i + 1] - positions[3 * j + 1];
                double dz = positions[3 * i + 2] - positions[3 * j + 2];
                double limit = factor * (covalentRadius(atomicNumbers[i], 0.75) + covalentRadius(atomicNumbers[j], 0.75));
                bonded[i][j] = bonded[j][i] = Math.sqrt(dx * dx + dy * dy + dz * dz) < limit;
            }
        }
        return bonded;
    }
}
