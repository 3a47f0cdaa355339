package io.flowkit.cli.assembly;

import io.flowkit.assembly.align.TeacherModel;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.flow.train.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assembly teacher}: pretrains the TORA teacher on contact prediction. */
@Command(name = "teacher", mixinStandardHelpOptions = true, header = "Trains TORA's teacher for representation alignment.",
        footer = {"", "Example: flowkit assembly teacher --out models/teacher"},
        description = {"Pretrains the teacher encoder of representation alignment (TORA) on contact prediction: which",
            "points of an assembled object lie on a fracture face. Data: synthetic fractures of the training meshes",
            "only (disjoint from the held-out evaluation meshes)."})
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
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(points).build();
        List<AssemblyExample> train = SyntheticFractures.make(false, objects, 2, maxParts, prep, seed, done -> {});
        List<AssemblyExample> validation = SyntheticFractures.make(false, 40, 2, maxParts, prep, seed + 1, done -> {});
        String description = String.format(Locale.ROOT, "contact labels of synthetic fractures of %s + 4 solids: %d "
                + "objects, 2-%d parts, %d points, seed %d", SyntheticFractures.TRAIN_MESHES, objects, maxParts, points, seed);
        try (TeacherModel t = TeacherModel.pretrain(new AssemblyConfig(maxParts, width, 4, 1, 6, 0), train, validation,
                steps, 8, 1e-3, seed, description, ProgressListener.stderr("assembly teacher", 5))) {
            t.save(out);
            System.out.println("teacher written to " + out.toAbsolutePath() + " (" + t.provenance().metrics() + ")");
            return 0;
        }
    }
}
