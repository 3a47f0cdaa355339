package io.flowkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flowkit} command. */
@Command(name = "flowkit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Conditional flow matching for science: benchmarks, training, generation, evaluation.",
        subcommands = {BenchCommand.class, io.flowkit.cli.tsgen.TsGenCommand.class,
            io.flowkit.cli.pointclouds.UpsampleCommand.class, io.flowkit.cli.pointclouds.PointCloudsCommand.class,
            io.flowkit.cli.meshes.MeshCommand.class,
            io.flowkit.cli.assembly.AssemblyCommand.class, io.flowkit.cli.assembly.AssembleCommand.class,
            io.flowkit.cli.data.DataCommand.class, io.flowkit.cli.spark.SparkCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int status = run(args);
        StopOnInterrupt.commandFinished();
        System.exit(status);
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @return the exit status: 0 on success, 1 when a run failed, 2 on a usage error
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("flowkit: " + message(ex));
            if (System.getenv("FLOWKIT_DEBUG") != null) {
                ex.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * A message that names the file and the problem, also for exceptions whose message is only a path.
     *
     * @param ex the exception
     * @return its message for people
     */
    public static String message(Throwable ex) {
        if (ex instanceof java.nio.file.NoSuchFileException e) {
            return e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "no such file");
        }
        if (ex instanceof java.nio.file.AccessDeniedException e) {
            return e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "permission denied");
        }
        if (ex instanceof java.nio.file.FileAlreadyExistsException e) {
            return e.getFile() + ": already exists and is in the way (a folder is needed here, or a file that does not "
                    + "exist yet)";
        }
        if (ex instanceof java.nio.file.NotDirectoryException e) {
            return e.getFile() + ": is a file, not a folder";
        }
        if (ex instanceof java.nio.file.FileSystemException e && e.getFile() != null) {
            return e.getFile() + ": " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        }
        if (ex instanceof java.nio.charset.CharacterCodingException) {
            return "an input is not UTF-8 text (binary?): " + ex;
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
