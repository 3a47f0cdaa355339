package io.flowkit.pointclouds.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.random.SeededRandom;
import org.junit.jupiter.api.Test;

class ChamferLossTest {

    @Test
    void matchesANaiveChamferDistance() {
        SeededRandom r = SeededRandom.of(3);
        int b = 2;
        int m = 7;
        int n = 5;
        float[] a = r.gaussian(b * m * 3);
        float[] c = r.gaussian(b * n * 3);
        double expected = 0;
        for (int s = 0; s < b; s++) {
            double forward = 0;
            for (int i = 0; i < m; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    best = Math.min(best, d2(a, (s * m + i) * 3, c, (s * n + j) * 3));
                }
                forward += best / m;
            }
            double backward = 0;
            for (int j = 0; j < n; j++) {
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i < m; i++) {
                    best = Math.min(best, d2(a, (s * m + i) * 3, c, (s * n + j) * 3));
                }
                backward += best / n;
            }
            expected += (forward + backward) / b;
        }
        try (NDManager manager = FlowEngine.newManager()) {
            float got = ChamferLoss.chamfer(manager.create(a, new Shape(b, m, 3)), manager.create(c, new Shape(b, n, 3)))
                    .getFloat();
            assertEquals(expected, got, 1e-4);
            float self = ChamferLoss.chamfer(manager.create(a, new Shape(b, m, 3)), manager.create(a, new Shape(b, m, 3)))
                    .getFloat();
            assertEquals(0, self, 1e-5);
        }
    }

    private static double d2(float[] a, int i, float[] b, int j) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            s += (a[i + k] - b[j + k]) * (a[i + k] - b[j + k]);
        }
        return s;
    }
}
