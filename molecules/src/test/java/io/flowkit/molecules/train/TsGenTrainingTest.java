package io.flowkit.molecules.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.Prior;
import io.flowkit.molecules.model.TsGenConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short trainings on real reactions: the loss falls, and a stopped run resumes to the same model. */
class TsGenTrainingTest {

    private static final TsGenConfig SMALL = TsGenConfig.defaults().withSize(16, 2).withPrior(Prior.MIDPOINT, 0.1);
    private static final int STEPS = 120;

    private static List<Reaction> reactions() {
        try {
            return Grambow842.load().reactions().subList(0, 12);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TsGenTraining.Builder training(Path checkpoints) {
        return TsGenTraining.builder().setTrainingData(reactions(), "first 12 of grambow-842").setSeed(5)
                .optConfig(SMALL).optSteps(STEPS).optBatchSize(4).optCheckpoints(checkpoints);
    }

    private static double[] generate(TsGenTraining.Trained trained, Reaction r) {
        TransitionStateGenerator g = TransitionStateGenerator.builder().setModel(trained.model())
                .optFixedSteps(OdeSolver.midpoint(), 4).optSeed(1).build();
        Molecule ts = g.generate(r.reactant(), r.product());
        return ts.positions();
    }

    @Test
    void theLossFallsAndAStoppedRunResumesToTheSameModel(@TempDir Path dir) throws Exception {
        Reaction probe = Grambow842.load().reactions().get(30);
        double[] straight;
        try (TsGenTraining.Trained whole = training(dir.resolve("whole")).build().run()) {
            List<Double> loss = whole.training().lossHistory();
            assertEquals(STEPS, loss.size());
            double first = loss.subList(0, 30).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double last = loss.subList(STEPS - 30, STEPS).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
            assertEquals(STEPS, whole.provenance().step());
            assertTrue(whole.provenance().dataset().contains("first 12"));
            straight = generate(whole, probe);
        }
        TsGenTraining[] holder = new TsGenTraining[1];
        holder[0] = training(dir.resolve("split")).optProgress(new ProgressListener() {
            @Override
            public void onStep(long step, long total, double loss, double stepsPerSecond) {
                if (step == 40) {
                    holder[0].requestStop();
                }
            }
        }).build();
        try (TsGenTraining.Trained stopped = holder[0].run()) {
            assertTrue(stopped.training().steps() < STEPS, "stopped at " + stopped.training().steps());
        }
        try (TsGenTraining.Trained resumed = training(dir.resolve("split")).build().run()) {
            assertEquals(STEPS, resumed.training().steps());
            assertArrayEquals(straight, generate(resumed, probe), 1e-5);
        }
    }

    @Test
    void aReactionWithoutTransitionStateIsNamed() {
        Reaction r = reactions().get(0);
        Reaction bare = Reaction.of("bare one", r.reactant(), r.product());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TsGenTraining.builder()
                .setTrainingData(List.of(bare), "x"));
        assertTrue(e.getMessage().contains("bare one"), e.getMessage());
    }
}
