package io.flowkit.flow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

    /** A domain builder as TS-GEN's, PUFM++'s and the mesh flow's are. */
    private static final class Options extends TrainingOptions<Options> {
        Options() {
            super(100, 8, 1e-3, 0.99);
        }

        @Override
        protected Options self() {
            return this;
        }
    }

    @Test
    void theDomainDefaultsHoldUntilSetAndEverySetterReturnsTheDomainBuilder() {
        Options o = new Options();
        assertEquals(100, o.steps());
        assertEquals(8, o.batchSize());
        assertEquals(0.99, o.emaDecay());
        assertEquals(0, o.checkpointEvery());
        Options same = o.setSeed(3).optSteps(5).optBatchSize(2).optLearningRate(0.1).optEma(0).optCheckpoints(Path.of("c"), 7);
        assertSame(o, same);
        assertEquals(3, o.seed());
        assertEquals(5, o.steps());
        assertEquals(Path.of("c"), o.checkpoints());
        assertEquals(7, o.checkpointEvery());
        o.checkShared();
        TrainingOptions.Shared shared = o.shared();
        assertEquals(new TrainingOptions.Shared(5, 2, 0.1, 0, 3, Path.of("c"), 7, o.progress()), shared);
        assertEquals(7, shared.checkpointEvery(50));
        o.optSteps(9).optCheckpoints(Path.of("d"));
        assertEquals(5, shared.steps(), "a snapshot does not follow later changes");
        assertEquals(50, o.shared().checkpointEvery(50), "no interval set: the domain's choice");
        assertEquals(9, o.shared().steps());
    }

    @Test
    void theSharedChecksNameTheProblem() {
        assertEquals("seed is not set", assertThrows(IllegalArgumentException.class, () -> new Options().checkShared())
                .getMessage());
        assertEquals("steps, batch size and learning rate must be positive: 0, 8, 0.001",
                assertThrows(IllegalArgumentException.class, () -> new Options().setSeed(1).optSteps(0).checkShared())
                        .getMessage());
        assertEquals("EMA decay is not in [0, 1): 1.0",
                assertThrows(IllegalArgumentException.class, () -> new Options().setSeed(1).optEma(1).checkShared())
                        .getMessage());
    }
}
