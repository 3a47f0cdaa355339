package io.flowkit.assembly.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.assembly.assemble.Assembler;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.flow.train.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssemblyTrainingTest {

    @Test
    void aShortTrainingLowersTheLossAndAssemblesWithSeededNoise() throws Exception {
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(128).build();
        List<AssemblyExample> train = SyntheticFractures.make(false, 12, 2, 3, prep, 1, n -> {});
        assertEquals(12, train.size());
        AssemblyConfig config = new AssemblyConfig(4, 32, 4, 1, 4, 0);
        try (AssemblyTraining.Trained t = AssemblyTraining.train(config, train, "test", 80, 4, 2e-3, 3, null,
                ProgressListener.silent())) {
            List<Double> l = t.result().lossHistory();
            double first = l.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double last = l.subList(70, 80).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(last < 0.8 * first, "loss went from " + first + " to " + last);
            Assembler a = Assembler.builder().setModel(t.model()).optSteps(5).optBatchSize(2).optSeed(9).build();
            List<Assembler.Result> r1 = a.assembleAll(train.subList(0, 3), n -> {});
            Assembler.Result single = Assembler.builder().setModel(t.model()).optSteps(5).optBatchSize(1).optSeed(11)
                    .build().assemble(train.get(2));
            assertEquals(train.get(0).partCount(), r1.get(0).poses().size());
            double[] p = r1.get(2).points();
            double[] q = single.points();
            for (int i = 0; i < p.length; i++) {
                assertEquals(p[i], q[i], 1e-4, "coordinate " + i);
            }
            AssemblyExample e = train.get(0);
            for (int i = 0; i < e.pointCount(); i++) {
                if (e.partOf()[i] == e.anchor()) {
                    assertEquals(e.assembled()[3 * i], r1.get(0).points()[3 * i], 1e-5, "the anchor moved");
                }
            }
        }
    }
}
