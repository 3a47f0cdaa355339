package io.flowkit.datasets;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test fixtures: golden files, broken files, and the values the golden files hold. */
public final class Fixtures {

    private Fixtures() {}

    /**
     * @param name a file under src/test/resources/golden
     * @return its path
     */
    public static Path golden(String name) {
        return resource("/golden/" + name);
    }

    /**
     * @param name a file under src/test/resources/bad
     * @return its path
     */
    public static Path bad(String name) {
        return resource("/bad/" + name);
    }

    private static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the tetrahedron of the golden mesh files, without its signal */
    public static TriangleMesh tetra() {
        return TriangleMesh.of(new double[] {0, 0, 0, 1.5, 0, 0, 0, 2.25, 0, 0, 0, -0.75},
                new int[] {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3});
    }

    /** @return the tetrahedron with its signal "u" = 0, 0.25, 0.5, 1 */
    public static TriangleMesh tetraWithSignal() {
        return tetra().withSignal("u", new double[] {0, 0.25, 0.5, 1});
    }
}
