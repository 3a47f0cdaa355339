package io.flowkit.cli.bench;

/** One suite of {@code flowkit bench}: a module's benchmark that contributes a report section. */
public interface BenchSuite {

    /** @return the suite's name, e.g. {@code pufm} */
    String name();

    /**
     * @return the settings, beside mode, seed and device, that change the suite's figures (a model
     *     folder, a list of couplings); a finished section is reused only when they are the same
     */
    default String settings() {
        return "";
    }

    /**
     * Runs the suite.
     *
     * @param context folder, seed, mode, device and progress
     * @return the section
     * @throws RuntimeException with the reason, when the suite cannot run (missing data, a failed tool)
     */
    BenchSection run(BenchContext context);
}
