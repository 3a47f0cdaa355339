package io.flowkit.assembly.fracture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The 2D fracture task, for fast experiments: a polygon is cut into the Voronoi cells of random
 * interior seeds, each cell intersected with the polygon (JTS {@link VoronoiDiagramBuilder} and
 * {@link Geometry#intersection}). Seeds are redrawn until every cell is one polygon holding at
 * least the minimum share of the area. Also makes random star-shaped polygons to cut. Planar
 * fractures, like {@link MeshFracture}'s.
 */
public final class PolygonFracture {

    private static final int ATTEMPTS = 100;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private PolygonFracture() {}

    /**
     * Cuts a polygon into Voronoi cells.
     *
     * @param polygon a valid polygon with area
     * @param parts the number of parts, 2 to {@value MeshFracture#MAX_PARTS}
     * @param minShare the least share of the area a part may hold, in [0, 0.5)
     * @param seed the seed
     * @return the parts, largest first
     * @throws IllegalArgumentException if the polygon is invalid or empty, or a setting is out of range
     * @throws IllegalStateException if no admissible cells are found
     */
    public static List<Polygon> fracture(Polygon polygon, int parts, double minShare, long seed) {
        if (parts < 2 || parts > MeshFracture.MAX_PARTS) {
            throw new IllegalArgumentException("parts is not in [2, " + MeshFracture.MAX_PARTS + "]: " + parts);
        }
        if (!(minShare >= 0 && minShare < 0.5)) {
            throw new IllegalArgumentException("minimum share is not in [0, 0.5): " + minShare);
        }
        if (polygon.isEmpty() || !polygon.isValid() || !(polygon.getArea() > 0)) {
            throw new IllegalArgumentException("polygon is empty, has no area or is not valid (self-intersecting?)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Envelope env = polygon.getEnvelopeInternal();
        double area = polygon.getArea();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Coordinate> sites = new ArrayList<>();
            int draws = 0;
            while (sites.size() < parts && draws++ < 100_000) {
                Coordinate c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                        env.getMinY() + random.nextDouble() * env.getHeight());
                if (polygon.contains(FACTORY.createPoint(c))) {
                    sites.add(c);
                }
            }
            VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
            builder.setSites(sites);
            Envelope clip = new Envelope(env);
            clip.expandBy(env.getWidth() + env.getHeight());
            builder.setClipEnvelope(clip);
            Geometry cells = builder.getDiagram(FACTORY);
            List<Polygon> out = new ArrayList<>();
            for (int i = 0; i < cells.getNumGeometries(); i++) {
                Geometry piece = cells.getGeometryN(i).intersection(polygon);
                if (piece instanceof Polygon p && p.getArea() >= minShare * area) {
                    out.add(p);
                }
            }
            if (out.size() == parts) {
                out.sort((x, y) -> Double.compare(y.getArea(), x.getArea()));
                return out;
            }
        }
        throw new IllegalStateException(String.format(Locale.ROOT, "cannot cut the polygon into %d connected cells of at "
                + "least %.0f%% of the area each", parts, 100 * minShare));
    }

    /**
     * A random star-shaped polygon: vertices at sorted random angles and random radii in [0.5, 1].
     *
     * @param vertices the number of vertices, at least 3
     * @param seed the seed
     * @return the polygon, counter-clockwise
     * @throws IllegalArgumentException if there are fewer than 3 vertices
     */
    public static Polygon randomStar(int vertices, long seed) {
        if (vertices < 3) {
            throw new IllegalArgumentException("vertices is below 3: " + vertices);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] angles = new double[vertices];
        for (int i = 0; i < vertices; i++) {
            angles[i] = 2 * Math.PI * (i + 0.8 * random.nextDouble()) / vertices;
        }
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double r = 0.5 + 0.5 * random.nextDouble();
            ring[i] = new Coordinate(r * Math.cos(angles[i]), r * Math.sin(angles[i]));
        }
        ring[vertices] = new Coordinate(ring[0]);
        return FACTORY.createPolygon(ring);
    }

    /**
     * Points spread uniformly along a polygon's outer ring, in the plane z = 0 (the cells made here
     * have no holes).
     *
     * @param polygon the polygon
     * @param count the number of points, at least 1
     * @param seed the seed
     * @return interleaved xyz
     */
    public static double[] sampleBoundary(Polygon polygon, int count, long seed) {
        Coordinate[] c = polygon.getExteriorRing().getCoordinates();
        double[] cumulative = new double[c.length];
        for (int i = 1; i < c.length; i++) {
            cumulative[i] = cumulative[i - 1] + c[i - 1].distance(c[i]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double total = cumulative[c.length - 1];
        double[] out = new double[3 * count];
        for (int k = 0; k < count; k++) {
            double s = random.nextDouble() * total;
            int i = 1;
            while (i < c.length - 1 && cumulative[i] < s) {
                i++;
            }
            double seg = cumulative[i] - cumulative[i - 1];
            double f = seg > 0 ? (s - cumulative[i - 1]) / seg : 0;
            out[3 * k] = c[i - 1].x + f * (c[i].x - c[i - 1].x);
            out[3 * k + 1] = c[i - 1].y + f * (c[i].y - c[i - 1].y);
        }
        return out;
    }
}
