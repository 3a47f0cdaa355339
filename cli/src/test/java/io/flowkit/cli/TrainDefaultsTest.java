package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.assembly.align.TeacherRecipe;
import io.flowkit.assembly.train.AssemblyRecipe;
import io.flowkit.flow.train.RecipeOptions;
import io.flowkit.meshes.flow.MeshFlowRecipe;
import io.flowkit.molecules.train.TsGenRecipe;
import io.flowkit.pointclouds.train.PufmRecipe;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each train command's option defaults are its recipe builder's: picocli's annotations need literals,
 * so this test keeps the two in step (steps, batch size, learning rate, width and seed, wherever the
 * command has the option).
 */
class TrainDefaultsTest {

    /** Parses the command's path with no options and returns the command's parsed line. */
    private static CommandLine parsedWithDefaults(String... path) {
        CommandLine cli = new CommandLine(new Main());
        cli.parseArgs(path);
        for (String name : path) {
            cli = cli.getSubcommands().get(name);
        }
        return cli;
    }

    private static void assertDefaults(RecipeOptions<?, ?> recipe, String... path) {
        CommandLine cli = parsedWithDefaults(path);
        String name = String.join(" ", path);
        List<String> checked = List.of("--steps", "--batch", "--lr", "--width", "--seed");
        Object[] expected = {recipe.steps(), recipe.batchSize(), recipe.learningRate(), recipe.width(), recipe.seed()};
        int found = 0;
        for (int i = 0; i < checked.size(); i++) {
            OptionSpec option = cli.getCommandSpec().findOption(checked.get(i));
            if (option != null) {
                found++;
                assertEquals(((Number) expected[i]).doubleValue(), ((Number) option.getValue()).doubleValue(),
                        name + " " + checked.get(i) + " (default " + option.defaultValue() + ")");
            }
        }
        assertTrue(found >= 3, name + " has the steps, width and seed options at least: " + found);
    }

    @Test
    void theTrainCommandsStartFromTheirRecipesDefaults() {
        assertDefaults(TsGenRecipe.builder(), "tsgen", "train");
        assertDefaults(PufmRecipe.builder(), "pointclouds", "train");
        assertDefaults(MeshFlowRecipe.builder(), "mesh", "train");
        assertDefaults(AssemblyRecipe.builder(), "assembly", "train");
        assertDefaults(TeacherRecipe.builder(), "assembly", "teacher");
    }
}
