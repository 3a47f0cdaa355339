package io.flowkit.datasets.molecule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ElementsTest {

    @Test
    void bondsFollowTheCovalentRadii() {
        // Water: O-H 0.96 Å (limit 1.2 × 0.97 = 1.164), H-H 1.52 Å (limit 1.2 × 0.62 = 0.744).
        double[] water = {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0};
        boolean[][] b = Elements.bondsByCovalentRadii(new int[] {8, 1, 1}, water, 1.2);
        assertTrue(b[0][1] && b[1][0] && b[0][2]);
        assertFalse(b[1][2] || b[0][0]);
        // An O-H at 1.2 Å is bonded with a factor of 1.35, not 1.2.
        double[] stretched = {0, 0, 0, 1.2, 0, 0};
        assertFalse(Elements.bondsByCovalentRadii(new int[] {8, 1}, stretched, 1.2)[0][1]);
        assertTrue(Elements.bondsByCovalentRadii(new int[] {8, 1}, stretched, 1.35)[0][1]);
        assertEquals("positions hold 1.0 atoms but there are 2", assertThrows(IllegalArgumentException.class,
                () -> Elements.bondsByCovalentRadii(new int[] {8, 1}, new double[3], 1.2)).getMessage());
    }
}
