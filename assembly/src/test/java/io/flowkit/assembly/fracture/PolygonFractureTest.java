package io.flowkit.assembly.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.train.SyntheticFractures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

class PolygonFractureTest {

    @Test
    void voronoiCellsTileThePolygon() {
        Polygon star = PolygonFracture.randomStar(12, 4);
        assertTrue(star.isValid());
        List<Polygon> parts = PolygonFracture.fracture(star, 6, 0.05, 7);
        assertEquals(6, parts.size());
        double sum = 0;
        for (int i = 0; i < parts.size(); i++) {
            sum += parts.get(i).getArea();
            assertTrue(parts.get(i).getArea() >= 0.05 * star.getArea());
            if (i > 0) {
                assertTrue(parts.get(i).getArea() <= parts.get(i - 1).getArea());
            }
            for (int j = i + 1; j < parts.size(); j++) {
                assertTrue(parts.get(i).intersection(parts.get(j)).getArea() < 1e-9, "parts " + i + " and " + j + " overlap");
            }
        }
        assertEquals(star.getArea(), sum, 1e-9);
        double[] pts = PolygonFracture.sampleBoundary(parts.get(0), 50, 1);
        for (int k = 0; k < 50; k++) {
            assertEquals(0, pts[3 * k + 2]);
            assertTrue(parts.get(0).getExteriorRing().distance(new org.locationtech.jts.geom.GeometryFactory()
                    .createPoint(new org.locationtech.jts.geom.Coordinate(pts[3 * k], pts[3 * k + 1]))) < 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> PolygonFracture.fracture(star, 1, 0.05, 1));
    }

    @Test
    void planarObjectsStayInThePlaneAndHaveContactOnSharedEdges() {
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(128).optPlanar(true).build();
        List<AssemblyExample> objects = SyntheticFractures.makePlanar(5, 2, 5, prep, 3);
        assertEquals(5, objects.size());
        for (AssemblyExample e : objects) {
            double share = 0;
            for (int i = 0; i < e.pointCount(); i++) {
                assertEquals(0, e.input()[3 * i + 2], 1e-12, e.id() + " left the plane");
                share += e.contact()[i] / e.pointCount();
            }
            assertTrue(share > 0.05 && share < 0.9, e.id() + ": contact share " + share);
            for (int p = 0; p < e.partCount(); p++) {
                double[] moved = e.poses().get(p).apply(e.partPoints(p, false));
                double[] truth = e.partPoints(p, true);
                for (int k = 0; k < moved.length; k++) {
                    assertEquals(truth[k], moved[k], 1e-9);
                }
            }
        }
    }
}
