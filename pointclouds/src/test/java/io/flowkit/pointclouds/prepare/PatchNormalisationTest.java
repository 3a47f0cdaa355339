package io.flowkit.pointclouds.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatchNormalisationTest {

    @Test
    void mapsThePatchIntoTheUnitSphereAndBack() {
        double[] xyz = new SplittableRandom(5).doubles(3 * 100, -3, 7).toArray();
        PatchNormalisation norm = PatchNormalisation.of(xyz);
        double[] unit = norm.apply(xyz);
        double far = 0;
        double[] sum = new double[3];
        for (int i = 0; i < 100; i++) {
            far = Math.max(far, Math.sqrt(unit[3 * i] * unit[3 * i] + unit[3 * i + 1] * unit[3 * i + 1] + unit[3 * i + 2] * unit[3 * i + 2]));
            for (int c = 0; c < 3; c++) {
                sum[c] += unit[3 * i + c];
            }
        }
        assertEquals(1, far, 1e-12, "the farthest point lies on the unit sphere");
        assertArrayEquals(new double[3], sum, 1e-10, "the centroid is at the origin");
        assertArrayEquals(xyz, norm.invert(unit), 1e-12);
        // Other points map with the same similarity.
        double[] other = {1, 2, 3};
        assertArrayEquals(new double[] {(1 - norm.centre()[0]) / norm.scale(), (2 - norm.centre()[1]) / norm.scale(),
            (3 - norm.centre()[2]) / norm.scale()}, norm.apply(other), 1e-15);
    }

    @Test
    void analyticPatch() {
        double[] xyz = {1, 1, 1, 3, 1, 1};
        PatchNormalisation norm = PatchNormalisation.of(xyz);
        assertArrayEquals(new double[] {2, 1, 1}, norm.centre(), 0.0);
        assertEquals(1.0, norm.scale(), 0.0);
        assertArrayEquals(new double[] {-1, 0, 0, 1, 0, 0}, norm.apply(xyz), 0.0);
    }

    @Test
    void isAnImmutableValue() {
        double[] c = {1, 2, 3};
        PatchNormalisation a = new PatchNormalisation(c, 2);
        c[0] = 9;
        a.centre()[1] = 9;
        assertArrayEquals(new double[] {1, 2, 3}, a.centre(), 0.0);
        assertEquals(a, new PatchNormalisation(new double[] {1, 2, 3}, 2));
        assertEquals(a.hashCode(), new PatchNormalisation(new double[] {1, 2, 3}, 2).hashCode());
        assertNotEquals(a, new PatchNormalisation(new double[] {1, 2, 3}, 3));
    }

    @Test
    void rejectsDegenerateAndInvalidValues() {
        assertEquals("cannot normalise a patch whose 3 points all coincide (scale 0)", assertThrows(IllegalArgumentException.class,
                () -> PatchNormalisation.of(new double[] {1, 2, 3, 1, 2, 3, 1, 2, 3})).getMessage());
        assertEquals("scale is not positive: 0.0",
                assertThrows(IllegalArgumentException.class, () -> new PatchNormalisation(new double[3], 0)).getMessage());
        assertEquals("scale is not positive: NaN",
                assertThrows(IllegalArgumentException.class, () -> new PatchNormalisation(new double[3], Double.NaN)).getMessage());
        assertEquals("centre does not have 3 coordinates: 2",
                assertThrows(IllegalArgumentException.class, () -> new PatchNormalisation(new double[2], 1)).getMessage());
        assertEquals("patch point 1 has a non-finite coordinate: NaN", assertThrows(IllegalArgumentException.class,
                () -> PatchNormalisation.of(new double[] {0, 0, 0, Double.NaN, 0, 0})).getMessage());
        assertEquals("points is empty", assertThrows(IllegalArgumentException.class,
                () -> new PatchNormalisation(new double[3], 1).apply(new double[0])).getMessage());
    }
}
