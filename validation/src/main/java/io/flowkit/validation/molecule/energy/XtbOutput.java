package io.flowkit.validation.molecule.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what xtb 6.x prints and writes: the final summary block of standard output
 * ({@code | TOTAL ENERGY  -5.070369819159 Eh |}, {@code | GRADIENT NORM ... Eh/α |},
 * {@code | HOMO-LUMO GAP ... eV |}), the thermochemistry line {@code linear?  false}, the error
 * block of a failed run ({@code [ERROR] ...} followed by {@code -1- scf: ...} lines), and the
 * Turbomole-style {@code vibspectrum} file ({@code $vibrational spectrum}, one line per mode:
 * number, optional symmetry label, wave number in cm⁻¹, IR intensity, two selection-rule columns,
 * then {@code $end}).
 */
final class XtbOutput {

    private static final String NUMBER = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eEdD][-+]?\\d+)?)";
    private static final Pattern TOTAL_ENERGY = Pattern.compile("\\|\\s*TOTAL ENERGY\\s+" + NUMBER + "\\s+Eh\\s*\\|");
    private static final Pattern GRADIENT_NORM = Pattern.compile("\\|\\s*GRADIENT NORM\\s+" + NUMBER + "\\s+Eh");
    private static final Pattern GAP = Pattern.compile("\\|\\s*HOMO-LUMO GAP\\s+" + NUMBER + "\\s+eV\\s*\\|");
    private static final Pattern LINEAR = Pattern.compile("linear\\?\\s+(true|false)");
    private static final Pattern ERROR_LINE = Pattern.compile("^\\s*-\\d+-\\s+(.*\\S)\\s*$");

    private XtbOutput() {}

    /**
     * @param stdout xtb's standard output
     * @return the last "TOTAL ENERGY" value in Eh, or NaN when there is none
     */
    static double totalEnergy(String stdout) {
        return last(TOTAL_ENERGY, stdout);
    }

    /**
     * @param stdout xtb's standard output
     * @return the last "GRADIENT NORM" value in Eh/bohr, or NaN
     */
    static double gradientNorm(String stdout) {
        return last(GRADIENT_NORM, stdout);
    }

    /**
     * @param stdout xtb's standard output
     * @return the last "HOMO-LUMO GAP" value in eV, or NaN (GFN-FF prints none)
     */
    static double homoLumoGap(String stdout) {
        return last(GAP, stdout);
    }

    /**
     * @param stdout xtb's standard output of a Hessian run
     * @return 1 when xtb reports the molecule as linear, 0 when not, −1 when it does not say
     */
    static int linear(String stdout) {
        Matcher m = LINEAR.matcher(stdout);
        int result = -1;
        while (m.find()) {
            result = m.group(1).equals("true") ? 1 : 0;
        }
        return result;
    }

    /**
     * @param stdout xtb's standard output of a failed run
     * @return whether it reports self-consistent charge iterations that did not converge
     */
    static boolean scfNotConverged(String stdout) {
        String lower = stdout.toLowerCase(Locale.ROOT);
        return lower.contains("did not converge") || lower.contains("scc not converged")
                || lower.contains("scf not converged");
    }

    /**
     * @param stdout xtb's standard output of a failed run
     * @return the messages of its error block ("-1- scf: ..."), innermost first, or an empty list
     */
    static List<String> errorMessages(String stdout) {
        List<String> out = new ArrayList<>();
        boolean inError = false;
        for (String line : stdout.split("\\R")) {
            if (line.contains("[ERROR]")) {
                inError = true;
                out.clear();
                continue;
            }
            if (inError) {
                Matcher m = ERROR_LINE.matcher(line);
                if (m.matches()) {
                    out.add(0, m.group(1));
                } else if (line.startsWith("#####")) {
                    inError = false;
                }
            }
        }
        return out;
    }

    /**
     * Reads the wave numbers of a {@code vibspectrum} file.
     *
     * @param text the file's content
     * @return one wave number per mode in cm⁻¹ (3N values, rigid-body modes included), in file order
     * @throws IllegalArgumentException naming the line when the file is not in the expected layout
     */
    static double[] vibspectrum(String text) {
        List<Double> values = new ArrayList<>();
        boolean started = false;
        boolean ended = false;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length && !ended; i++) {
            String line = lines[i].strip();
            if (line.startsWith("$vibrational spectrum")) {
                started = true;
            } else if (line.startsWith("$end")) {
                ended = started;
            } else if (started && !line.isEmpty() && !line.startsWith("#")) {
                String[] t = line.split("\\s+");
                // mode [symmetry] wave-number IR-intensity IR RAMAN: the wave number is 4th from the end.
                if (t.length < 5 || t.length > 6) {
                    throw new IllegalArgumentException("vibspectrum line " + (i + 1) + " has " + t.length
                            + " columns, expected 5 or 6: '" + line + "'");
                }
                try {
                    values.add(Double.parseDouble(t[t.length - 4]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("vibspectrum line " + (i + 1) + " has no wave number: '" + line
                            + "'", e);
                }
            }
        }
        if (!ended) {
            throw new IllegalArgumentException(started ? "vibspectrum has no $end line"
                    : "vibspectrum has no '$vibrational spectrum' line");
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /**
     * Leaves out the rigid-body modes: the {@code rigid} wave numbers closest to zero, which xtb
     * projects out of the Hessian.
     *
     * @param all every wave number, in xtb's order
     * @param rigid how many to leave out (6, or 5 for a linear molecule)
     * @return the other wave numbers, in their original order
     */
    static double[] withoutRigidModes(double[] all, int rigid) {
        Integer[] order = new Integer[all.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(all[a]), Math.abs(all[b])));
        boolean[] drop = new boolean[all.length];
        for (int k = 0; k < Math.min(rigid, all.length); k++) {
            drop[order[k]] = true;
        }
        double[] out = new double[Math.max(0, all.length - rigid)];
        int j = 0;
        for (int i = 0; i < all.length; i++) {
            if (!drop[i]) {
                out[j++] = all[i];
            }
        }
        return out;
    }

    private static double last(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        String value = null;
        while (m.find()) {
            value = m.group(1);
        }
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.replace('d', 'e').replace('D', 'e'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
