package io.flowkit.meshes.noise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.FaustRemeshed;
import io.flowkit.meshes.geometry.UnitBox;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The spectral property of Matérn noise on two remeshings of the same FAUST body (human bodies:
 * σ = 5 on the unit box), against independent per-vertex noise.
 */
class MaternFaustTest {

    @Test
    void spectralVarianceMatchesTheoryOnTwoRemeshingsOfOneBody() throws Exception {
        FaustRemeshed faust = FaustRemeshed.load();
        for (String remeshing : new String[] {"iso", "mc"}) {
            MaternSpectrumTest.Mesh m = MaternSpectrumTest.load("faust 080 " + remeshing,
                    UnitBox.scale(faust.read("080", remeshing).mesh()), 5);
            double[] z = MaternSpectrumTest.modeZ(m, m.matern());
            double[] zWhite = MaternSpectrumTest.modeZ(m, m.white());
            double pooled = MaternSpectrumTest.mean(z) * Math.sqrt(z.length);
            System.out.printf(Locale.ROOT, "%s (%d vertices): Matérn max |z| = %.2f, pooled z = %.2f; independent noise "
                    + "max |z| = %.1f%n", m.name(), m.noise().vertexCount(), MaternSpectrumTest.maxAbs(z), pooled,
                    MaternSpectrumTest.maxAbs(zWhite));
            assertTrue(MaternSpectrumTest.maxAbs(z) < 4.5, m.name() + " per-mode z " + MaternSpectrumTest.maxAbs(z));
            assertTrue(Math.abs(pooled) < 4, m.name() + " pooled z " + pooled);
            assertTrue(MaternSpectrumTest.maxAbs(zWhite) >= 4.5, m.name() + " negative control passed");
        }
    }
}
