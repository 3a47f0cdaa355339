package io.flowkit.cli.assembly;

import io.flowkit.assembly.align.TeacherRecipe;
import io.flowkit.cli.TrainCommands;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowkit assembly teacher}: runs {@link TeacherRecipe}, which pretrains the TORA teacher on contact
 * prediction. The option defaults are the recipe's (TrainDefaultsTest checks the shared ones).
 */
@Command(name = "teacher", mixinStandardHelpOptions = true, header = "Trains TORA's teacher for representation alignment.",
        footer = {"", "Example: flowkit assembly teacher --out models/teacher"},
        description = {"Pretrains the teacher encoder of representation alignment (TORA) on contact prediction: which",
            "points of an assembled object lie on a fracture face. Data: synthetic fractures of the training meshes",
            "only (disjoint from the held-out evaluation meshes).",
            "Ctrl-C writes a checkpoint; running the same command again resumes from it."})
final class AssemblyTeacherCommand implements Callable<Integer> {

    @Option(names = "--objects", defaultValue = "300", description = "training objects (default: ${DEFAULT-VALUE})")
    private int objects;

    @Option(names = "--points", defaultValue = "256", description = "points per object (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--max-parts", defaultValue = "8", description = "most parts (default: ${DEFAULT-VALUE})")
    private int maxParts;

    @Option(names = "--steps", defaultValue = "1500", description = "training steps (default: ${DEFAULT-VALUE})")
    private long steps;

    @Option(names = "--width", defaultValue = "64", description = "feature width (default: ${DEFAULT-VALUE})")
    private int width;

    @Option(names = "--seed", defaultValue = "100", description = "seed, other than the flow's data (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", defaultValue = "assembly-teacher", description = "teacher folder (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws Exception {
        return TrainCommands.run(TeacherRecipe.builder().optObjects(objects).optPoints(points).optMaxParts(maxParts)
                .optSteps(steps).optWidth(width).optSeed(seed).build(), out);
    }
}
