package io.flowkit.molecules.smiles;

import org.openscience.cdk.tools.ILoggingTool;
import org.openscience.cdk.tools.LoggingToolFactory;

/**
 * CDK's logging with the 3D builder's messages dropped: loading its templates reports a mass-number
 * error for each of hundreds of template records, and placing atoms warns of every missing MM2
 * parameter, none of which concerns the user (the geometry is optimised by xtb afterwards). Loggers
 * of every other CDK class are made by the logging tool that was installed before.
 */
final class QuietBuilderLogging {

    private static Class<? extends ILoggingTool> previous;

    private QuietBuilderLogging() {}

    /** Installs the filter once; later calls do nothing. */
    static synchronized void install() {
        if (previous != null) {
            return;
        }
        previous = LoggingToolFactory.getLoggingToolClass();
        LoggingToolFactory.setLoggingToolClass(Tool.class);
    }

    /** The logging tool that CDK instantiates through its static {@code create(Class)}. */
    public static final class Tool implements ILoggingTool {

        private Tool() {}

        /**
         * The logger of a class: silent for the 3D builder and the template reader, else CDK's.
         *
         * @param source the class that logs
         * @return its logger
         */
        public static ILoggingTool create(Class<?> source) {
            String name = source.getName();
            if (name.startsWith("org.openscience.cdk.modeling.") || name.startsWith("org.openscience.cdk.io.iterator.")
                    || name.startsWith("org.openscience.cdk.forcefield.")) {
                return new Tool();
            }
            Class<? extends ILoggingTool> fallback = previous;
            LoggingToolFactory.setLoggingToolClass(fallback);
            try {
                return LoggingToolFactory.createLoggingTool(source);
            } finally {
                LoggingToolFactory.setLoggingToolClass(Tool.class);
            }
        }

        @Override
        public void dumpSystemProperties() {}

        @Override
        public void setStackLength(int length) {}

        @Override
        public void dumpClasspath() {}

        @Override
        public void debug(Object object) {}

        @Override
        public void debug(Object object, Object... objects) {}

        @Override
        public void error(Object object) {}

        @Override
        public void error(Object object, Object... objects) {}

        @Override
        public void fatal(Object object) {}

        @Override
        public void info(Object object) {}

        @Override
        public void info(Object object, Object... objects) {}

        @Override
        public void warn(Object object) {}

        @Override
        public void warn(Object object, Object... objects) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void setLevel(int level) {}

        @Override
        public int getLevel() {
            return OFF;
        }
    }
}
