package io.flowkit.validation.molecule.energy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one xtb command in a folder: standard output and error go to files there (no pipe can fill
 * up), the process is killed with all its descendants when it exceeds the timeout or the calling
 * thread is interrupted.
 */
final class XtbProcess {

    /** Standard output file name in the run folder. */
    static final String STDOUT = "xtb.out";
    /** Standard error file name in the run folder. */
    static final String STDERR = "xtb.err";

    private static final int TAIL_LINES_OUT = 15;
    private static final int TAIL_LINES_ERR = 8;

    /** What a finished process left: its exit code and both output streams. */
    record Outcome(int exitCode, String stdout, String stderr) {

        /** @return the last lines of standard output and standard error, for messages */
        String tail() {
            String out = lastLines(stdout, TAIL_LINES_OUT);
            String err = lastLines(stderr, TAIL_LINES_ERR);
            if (err.isEmpty()) {
                return out;
            }
            return out + (out.isEmpty() ? "" : "\n") + "[stderr]\n" + err;
        }
    }

    private XtbProcess() {}

    /**
     * Runs a command and waits for it.
     *
     * @param command the executable and its arguments
     * @param folder the working folder, which receives the output files
     * @param environment variables to set on top of this process's environment
     * @param timeout the longest the command may run
     * @param subject what runs, for messages ("xtb single point of water (H2O)")
     * @return the outcome
     * @throws XtbException NOT_INSTALLED when the executable cannot be started, TIMEOUT when it ran
     *     too long, IO on an interrupt or when the output cannot be read
     */
    static Outcome run(List<String> command, Path folder, Map<String, String> environment, Duration timeout,
            String subject) throws XtbException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve(STDOUT).toFile()).redirectError(folder.resolve(STDERR).toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new XtbException(XtbException.Kind.NOT_INSTALLED, XtbCalculator.NOT_INSTALLED + " (" + subject
                    + ": cannot start " + command.get(0) + ": " + e.getMessage() + ")", null, e);
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new XtbException(XtbException.Kind.IO, subject + " was interrupted; xtb was killed", null, e);
        }
        if (!finished) {
            kill(process);
            Outcome partial = read(folder, -1, subject);
            throw new XtbException(XtbException.Kind.TIMEOUT, subject + " timed out after " + seconds(timeout)
                    + " s; xtb was killed", partial.tail(), null);
        }
        return read(folder, process.exitValue(), subject);
    }

    /** Kills a process and every process it started (collected before the parent dies). */
    static void kill(Process process) {
        List<ProcessHandle> descendants = new ArrayList<>();
        process.descendants().forEach(descendants::add);
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome read(Path folder, int exitCode, String subject) throws XtbException {
        try {
            return new Outcome(exitCode, readText(folder.resolve(STDOUT)), readText(folder.resolve(STDERR)));
        } catch (IOException e) {
            throw new XtbException(XtbException.Kind.IO, subject + ": cannot read xtb's output in " + folder + ": "
                    + e.getMessage(), null, e);
        }
    }

    private static String readText(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        // xtb writes UTF-8 (cm⁻¹, α); a malformed byte must not hide the rest of the output.
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\\R");
        if (lines.length == 1 && lines[0].isEmpty()) {
            return "";
        }
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - n), lines.length));
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }
}
