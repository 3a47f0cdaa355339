package io.flowkit.validation.molecule.energy;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The gate of the tests that run the real xtb: they fail when xtb is missing (CI installs it), and
 * are skipped (never passed) only when {@value #SKIP_VARIABLE}=1 says so.
 */
final class XtbAvailability {

    /** Set to 1 to skip, instead of fail, the tests that need xtb on a machine without it. */
    static final String SKIP_VARIABLE = "FLOWKIT_SKIP_XTB";

    private XtbAvailability() {}

    /** Fails, or with {@value #SKIP_VARIABLE}=1 aborts (skips), the calling test when xtb is missing. */
    static void requireXtb() {
        if (XtbCalculator.isAvailable()) {
            return;
        }
        String message = "xtb is not installed: install the Debian package xtb (apt-get install -y xtb) or set "
                + XtbCalculator.ENVIRONMENT_VARIABLE + " to the executable";
        if ("1".equals(System.getenv(SKIP_VARIABLE))) {
            Assumptions.abort(message + "; skipped because " + SKIP_VARIABLE + "=1");
        }
        fail(message + "; set " + SKIP_VARIABLE + "=1 to skip the tests that need it");
    }
}
