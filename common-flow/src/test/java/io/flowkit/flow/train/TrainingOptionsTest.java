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
