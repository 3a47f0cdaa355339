package io.flowkit.datasets.sampling;

import io.flowkit.datasets.internal.Checks;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.pointcloud.PointCloud;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent points uniformly distributed over a mesh's surface area: a triangle is drawn with
 * probability proportional to its area (Walker's alias method), then a point uniformly inside it
 * with {@code p = (1 − √r₁) a + √r₁ (1 − r₂) b + √r₁ r₂ c} (Osada et al. 2002, "Shape
 * distributions", eq. 1). The same seed gives the same points.
 */
public final class UniformSurfaceSampler {

    private UniformSurfaceSampler() {}

    /**
     * Samples points on a mesh.
     *
     * @param mesh a mesh with positive surface area
     * @param count number of points, at least 1
     * @param seed random seed
     * @return the points, with face normals, and their triangles
     * @throws IllegalArgumentException for a non-positive count or a mesh without area
     */
    public static MeshSample sample(TriangleMesh mesh, int count, long seed) {
        Checks.checkPositive(count, "count");
        int nf = mesh.faceCount();
        double[] area = new double[nf];
        double total = 0;
        for (int f = 0; f < nf; f++) {
            area[f] = mesh.faceArea(f);
            total += area[f];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("mesh has no surface area to sample: " + total);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        SharedStateDiscreteSampler faces = AliasMethodDiscreteSampler.of(rng, area);
        double[] v = mesh.vertices();
        int[] tri = mesh.faces();
        double[] p = new double[3 * count];
        double[] n = new double[3 * count];
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) {
            int f = faces.sample();
            chosen[i] = f;
            int a = 3 * tri[3 * f];
            int b = 3 * tri[3 * f + 1];
            int c = 3 * tri[3 * f + 2];
            double s = Math.sqrt(rng.nextDouble());
            double r = rng.nextDouble();
            double wa = 1 - s;
            double wb = s * (1 - r);
            double wc = s * r;
            double[] normal = mesh.faceNormal(f);
            for (int k = 0; k < 3; k++) {
                p[3 * i + k] = wa * v[a + k] + wb * v[b + k] + wc * v[c + k];
                n[3 * i + k] = normal[k];
            }
        }
        return new MeshSample(PointCloud.of(p, n), chosen);
    }
}
