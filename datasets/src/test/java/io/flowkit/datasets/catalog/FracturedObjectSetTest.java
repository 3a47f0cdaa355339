package io.flowkit.datasets.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.assembly.FracturedObject;
import io.flowkit.datasets.assembly.Part;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FracturedObjectSetTest {

    @Test
    void breakingBadObjectsHaveTheirPartsInAssembledPoses() throws IOException {
        FracturedObjectSet set = FracturedObjectSet.breakingBadEveryday();
        assertEquals(List.of("val"), set.splits());
        List<FracturedObject> objects = set.readSplit("val");
        assertEquals(2, objects.size());
        assertEquals(4, objects.get(0).partCount());
        assertEquals(3, objects.get(1).partCount());
        for (FracturedObject o : objects) {
            assertTrue(o.parts().stream().allMatch(p -> p.pose().isIdentity() && p.mesh().isPresent()));
            assertAssembledPartsTouch(o);
        }
    }

    @Test
    void partNetObjectsReadFromTheirSplit() throws IOException {
        FracturedObjectSet set = FracturedObjectSet.partNetSample();
        List<FracturedObject> objects = set.readSplit("val");
        assertEquals(9, objects.size());
        for (FracturedObject o : objects) {
            assertTrue(o.partCount() >= 2, o.id());
            assertEquals("part_000", o.parts().get(0).name());
            assertAssembledPartsTouch(o);
        }
    }

    /** In an assembled object every part's bounding box overlaps or nearly touches another part's. */
    private static void assertAssembledPartsTouch(FracturedObject o) {
        List<Part> parts = o.parts();
        double[][] boxes = new double[parts.size()][];
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = parts.get(i).mesh().orElseThrow().boundingBox();
        }
        double scale = 0;
        for (double[] b : boxes) {
            scale = Math.max(scale, Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2])));
        }
        for (int i = 0; i < boxes.length; i++) {
            boolean touches = false;
            for (int j = 0; j < boxes.length && !touches; j++) {
                if (i != j) {
                    double gap = 0;
                    for (int k = 0; k < 3; k++) {
                        gap = Math.max(gap, Math.max(boxes[j][k] - boxes[i][3 + k], boxes[i][k] - boxes[j][3 + k]));
                    }
                    touches = gap < 0.05 * scale;
                }
            }
            assertTrue(touches, o.id() + ": part " + i + " lies apart from every other part");
        }
    }
}
