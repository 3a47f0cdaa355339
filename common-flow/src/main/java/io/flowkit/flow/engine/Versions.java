package io.flowkit.flow.engine;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions that a checkpoint or a report records: flowkit, DJL and the engine. */
public final class Versions {

    private static final String FLOWKIT = readFlowkitVersion();

    private Versions() {}

    /** @return flowkit's version, e.g. {@code 0.1.0-SNAPSHOT} */
    public static String flowkit() {
        return FLOWKIT;
    }

    /** @return DJL's version */
    public static String djl() {
        return Engine.getDjlVersion();
    }

    /** @return the engine's name and version, e.g. {@code PyTorch 2.7.1} */
    public static String engine() {
        Engine e = FlowEngine.get();
        return e.getEngineName() + " " + e.getVersion();
    }

    private static String readFlowkitVersion() {
        try (InputStream in = Versions.class.getResourceAsStream("flowkit.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
