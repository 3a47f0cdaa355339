package io.flowkit.flow.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code torch_speed.py}, the PyTorch eager twin of {@link EngineSpeedBenchmark}, with a
 * Python that can import {@code torch} (the environment variable {@code FLOWKIT_PYTHON}, else
 * {@code python3} on the path, else Debian's {@code /usr/bin/python3} with the package
 * {@code python3-torch}).
 */
public final class PyTorchReference {

    private PyTorchReference() {}

    /**
     * The interpreter that can import torch, if any.
     *
     * @return its command, or empty when no interpreter with torch was found
     */
    public static Optional<String> findPython() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("FLOWKIT_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String python : candidates) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(python);
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not installed: try the next candidate
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the PyTorch reference.
     *
     * @param python the interpreter from {@link #findPython()}
     * @param threads intra-op threads
     * @param warmup training steps before timing
     * @param steps timed training steps
     * @param sampleRuns timed sampling runs
     * @return the figures PyTorch reports
     * @throws IOException if the script fails or prints no result (the message holds its output)
     */
    public static EngineSpeedBenchmark.Figures run(String python, int threads, int warmup, int steps, int sampleRuns)
            throws IOException {
        Path script = Files.createTempFile("flowkit-torch-speed", ".py");
        try {
            try (InputStream in = PyTorchReference.class.getResourceAsStream("torch_speed.py")) {
                if (in == null) {
                    throw new IOException("torch_speed.py is missing from the flowkit jar");
                }
                Files.write(script, in.readAllBytes());
            }
            ProcessBuilder builder = new ProcessBuilder(python, script.toString(), Integer.toString(threads),
                    Integer.toString(warmup), Integer.toString(steps), Integer.toString(sampleRuns)).redirectErrorStream(true);
            // The same thread budget for libtorch's OpenMP pool and for the BLAS (OpenBLAS runs its own threads).
            builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            builder.environment().put("MKL_NUM_THREADS", Integer.toString(threads));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IOException("PyTorch reference failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("PyTorch reference interrupted", e);
            }
            String last = output.strip().lines().reduce((a, b) -> b).orElse("");
            try {
                JsonObject json = JsonParser.parseString(last).getAsJsonObject();
                return new EngineSpeedBenchmark.Figures(threads, json.get("train_step_ms_median").getAsDouble(),
                        json.get("train_step_ms_p90").getAsDouble(), json.get("sample_seconds_median").getAsDouble());
            } catch (RuntimeException e) {
                throw new IOException("PyTorch reference printed no result: " + output, e);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * The torch version the interpreter imports.
     *
     * @param python the interpreter
     * @return the version, or {@code "unknown"}
     */
    public static String torchVersion(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch; print(torch.__version__)").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
