package io.flowkit.flow.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Chooses the device flowkit runs on from a user's setting ({@code --device}): {@code cpu},
 * {@code gpu} (the first CUDA device), {@code gpu:N}, or {@code auto} (a GPU when the engine sees
 * one, else the CPU). A GPU needs PyTorch's CUDA natives on the class path in place of the CPU ones;
 * when they are missing, asking for a GPU fails with a message that says what to add.
 */
public final class Devices {

    /** What a GPU machine adds to the class path, said in every error about a missing GPU. */
    public static final String CUDA_NATIVES_HINT = "give the PyTorch engine a CUDA build of libtorch 2.7.1: set "
            + "PYTORCH_LIBRARY_PATH to its lib folder (for example .../site-packages/torch/lib of pip's torch==2.7.1), "
            + "PYTORCH_VERSION=2.7.1 and PYTORCH_FLAVOR to its CUDA flavour (for example cu126), or put a "
            + "pytorch-native-cuXXX 2.7.1 jar (classifier linux-x86_64) on the class path in place of pytorch-native-cpu "
            + "(see the README, 'Running on a GPU'); or run with --device cpu";

    private Devices() {}

    /**
     * Resolves a device name against the running engine.
     *
     * @param name {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto} (case-insensitive)
     * @return the device
     * @throws IllegalArgumentException on an unknown name
     * @throws IllegalStateException if a GPU is asked for and the engine sees none (or fewer)
     */
    public static Device resolve(String name) {
        if (name == null) {
            throw new IllegalArgumentException("device is null (known: cpu, gpu, gpu:N, auto)");
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        int gpus = gpuCount();
        if (n.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        int index;
        if (n.equals("gpu") || n.equals("cuda")) {
            index = 0;
        } else if (n.startsWith("gpu:") || n.startsWith("cuda:")) {
            try {
                index = Integer.parseInt(n.substring(n.indexOf(':') + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("device index is not a number: " + name);
            }
            if (index < 0) {
                throw new IllegalArgumentException("device index is negative: " + name);
            }
        } else {
            throw new IllegalArgumentException("unknown device: " + name + " (known: cpu, gpu, gpu:N, auto)");
        }
        if (gpus == 0) {
            throw new IllegalStateException("device " + name + ": the PyTorch engine (libtorch "
                    + FlowEngine.get().getVersion() + ") sees no CUDA device: either the natives on the class path are "
                    + "the CPU build (pytorch-native-cpu) or no CUDA driver is installed; " + CUDA_NATIVES_HINT);
        }
        if (index >= gpus) {
            throw new IllegalStateException("device " + name + ": the PyTorch engine sees only " + gpus + " GPU(s)");
        }
        return Device.gpu(index);
    }

    /** @return the number of CUDA devices the PyTorch engine sees (0 with the CPU natives) */
    public static int gpuCount() {
        Engine engine = FlowEngine.get();
        return engine.getGpuCount();
    }
}
