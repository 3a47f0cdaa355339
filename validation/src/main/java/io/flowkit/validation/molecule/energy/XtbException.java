package io.flowkit.validation.molecule.energy;

import java.util.Objects;

/**
 * An xtb calculation that did not give a result. The message names the molecule, the problem and,
 * where xtb ran, the last lines of its output, for example
 * {@code xtb single point of rxn010218 (C2H3NO) failed: SCF did not converge (exit code 1)}.
 */
public final class XtbException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No xtb executable was found (PATH, {@code FLOWKIT_XTB}, or the configured path). */
        NOT_INSTALLED,
        /** The input cannot be computed as asked, e.g. a multiplicity impossible for the electron count. */
        INVALID_INPUT,
        /** xtb ran longer than the timeout and was killed. */
        TIMEOUT,
        /** The self-consistent charge iterations did not converge. */
        SCF_NOT_CONVERGED,
        /** xtb stopped with a non-zero exit code for another reason (or crashed). */
        FAILED,
        /** xtb ended normally but its output lacks an expected value or holds an unreadable one. */
        UNPARSEABLE_OUTPUT,
        /** The temporary folder or the input file could not be written, or the thread was interrupted. */
        IO
    }

    /** What went wrong. */
    private final Kind kind;
    /** The last lines of xtb's output, possibly empty. */
    private final String outputTail;

    XtbException(Kind kind, String message, String outputTail, Throwable cause) {
        super(message + (outputTail == null || outputTail.isEmpty() ? ""
                : "\n--- last lines of xtb's output ---\n" + outputTail), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.outputTail = outputTail == null ? "" : outputTail;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return the last lines of xtb's standard output and error, empty when xtb did not run */
    public String outputTail() {
        return outputTail;
    }
}
