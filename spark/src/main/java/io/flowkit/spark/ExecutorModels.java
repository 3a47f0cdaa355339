package io.flowkit.spark;

import ai.djl.Device;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.pointclouds.model.PufmModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of one JVM: each is loaded on first use and kept for the life of the JVM (an
 * executor's, or the driver's in local mode), so a job loads a model once per executor, not per
 * record or partition. Models are closed when the JVM exits.
 */
public final class ExecutorModels {

    private static final Map<String, AutoCloseable> MODELS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::clear, "flowkit-models-close"));
    }

    private ExecutorModels() {}

    /**
     * The TS-GEN model of a folder, or the shipped one.
     *
     * @param folder a model folder (as {@code flowkit tsgen train} writes), or null for the shipped model
     * @return the model, shared by every task of this JVM
     * @throws UncheckedIOException if the folder cannot be read
     */
    public static TsGenModel tsgen(String folder) {
        return (TsGenModel) MODELS.computeIfAbsent("tsgen:" + (folder == null ? "" : folder), k -> {
            try {
                return folder == null ? TsGenModel.loadDefault(Device.cpu()) : TsGenModel.load(Path.of(folder), Device.cpu());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the TS-GEN model " + folder + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The PUFM++ model of a folder, or the shipped one.
     *
     * @param folder a model folder (as {@code flowkit pointclouds train} writes), or null for the shipped model
     * @return the model, shared by every task of this JVM
     * @throws UncheckedIOException if the folder cannot be read
     */
    public static PufmModel pufm(String folder) {
        return (PufmModel) MODELS.computeIfAbsent("pufm:" + (folder == null ? "" : folder), k -> {
            try {
                return folder == null ? PufmModel.loadDefault(Device.cpu()) : PufmModel.load(Path.of(folder), Device.cpu());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the PUFM++ model " + folder + ": " + e.getMessage(), e);
            }
        });
    }

    /** @return how many models this JVM holds */
    public static int loaded() {
        return MODELS.size();
    }

    /**
     * Closes every model this JVM holds; the next use loads it again (a benchmark that times the
     * load, or a driver that is done with flowkit).
     */
    public static void clear() {
        closeAll();
    }

    private static synchronized void closeAll() {
        for (AutoCloseable m : MODELS.values()) {
            try {
                m.close();
            } catch (Exception ignored) {
                // the JVM is exiting; nothing else to do
            }
        }
        MODELS.clear();
    }
}
