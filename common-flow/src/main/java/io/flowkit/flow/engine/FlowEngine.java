package io.flowkit.flow.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts DJL's PyTorch engine with flowkit's settings and hands out managers.
 *
 * <p>Settings, each applied only when the user has not set it already:
 * <ul>
 *   <li>{@code ai.djl.offline=true}: the natives come from the {@code pytorch-native-cpu} jar on
 *       the class path; a missing jar fails at once instead of reaching for the network;
 *   <li>intra-op threads: the environment variable {@code FLOWKIT_THREADS}, else the system
 *       property {@code ai.djl.pytorch.num_threads}, else the number of available cores;
 *   <li>one inter-op thread (flowkit runs one graph at a time).
 * </ul>
 * The allocator settings ({@code MALLOC_ARENA_MAX} and friends) must be in the environment before
 * the JVM starts; the {@code flowkit} launcher, Surefire and CI set them.
 */
public final class FlowEngine {

    /** Environment variable that sets the number of intra-op threads. */
    public static final String THREADS_VARIABLE = "FLOWKIT_THREADS";

    private static volatile Engine engine;

    private FlowEngine() {}

    /**
     * Starts the engine once with flowkit's settings and pins its intra-op threads.
     *
     * @return the PyTorch engine
     */
    public static Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (FlowEngine.class) {
                e = engine;
                if (e == null) {
                    setDefault("ai.djl.offline", "true");
                    setDefault("ai.djl.pytorch.num_interop_threads", "1");
                    setDefault("ai.djl.pytorch.graph_optimizer", "false");
                    int threads = threads();
                    setDefault("ai.djl.pytorch.num_threads", Integer.toString(threads));
                    e = Engine.getEngine("PyTorch");
                    // The engine may have been started before us with other settings: pin again.
                    JniUtils.setNumThreads(threads);
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * The number of intra-op threads flowkit uses.
     *
     * @return {@code FLOWKIT_THREADS}, else {@code ai.djl.pytorch.num_threads}, else the core count
     * @throws IllegalStateException if the setting is not a positive integer
     */
    public static int threads() {
        String value = System.getenv(THREADS_VARIABLE);
        String source = THREADS_VARIABLE;
        if (value == null || value.isBlank()) {
            value = System.getProperty("ai.djl.pytorch.num_threads");
            source = "ai.djl.pytorch.num_threads";
        }
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads < 1) {
                throw new IllegalStateException(source + " is not positive: " + value);
            }
            return threads;
        } catch (NumberFormatException ex) {
            throw new IllegalStateException(source + " is not an integer: " + value, ex);
        }
    }

    /**
     * A new base manager on the engine's default device.
     *
     * @return a manager; close it to free its arrays
     */
    public static NDManager newManager() {
        return get().newBaseManager();
    }

    /**
     * A new base manager on the given device.
     *
     * @param device the device, for example {@code Device.cpu()}
     * @return a manager; close it to free its arrays
     */
    public static NDManager newManager(Device device) {
        return get().newBaseManager(device);
    }

    /**
     * Turns gradient recording off on the calling thread, as it must be for inference on any
     * thread other than the one that started the engine (DJL switches it off only there).
     *
     * @return a handle that restores the previous mode when closed
     */
    public static GradientMode noGradient() {
        get();
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return new GradientMode(previous);
    }

    /** Restores the gradient mode of the calling thread when closed. */
    public static final class GradientMode implements AutoCloseable {
        private final boolean previous;

        private GradientMode(boolean previous) {
            this.previous = previous;
        }

        /** Restores the mode that was active before. */
        @Override
        public void close() {
            JniUtils.setGradMode(previous);
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
