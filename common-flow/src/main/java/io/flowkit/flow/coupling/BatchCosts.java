package io.flowkit.flow.coupling;

/** Shape checks and squared-distance cost matrices shared by the couplings. */
final class BatchCosts {

    private BatchCosts() {}

    /**
     * Checks two host batches and returns the size of one sample.
     *
     * @throws IllegalArgumentException when the layouts disagree or a value is not finite
     */
    static int sampleSize(float[] x0, float[] x1, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size is not positive: " + batch);
        }
        if (x0.length != x1.length) {
            throw new IllegalArgumentException("x0 and x1 differ in length: " + x0.length + " != " + x1.length);
        }
        if (x0.length % batch != 0 || x0.length == 0) {
            throw new IllegalArgumentException(
                    "batch length " + x0.length + " is not a positive multiple of the batch size " + batch);
        }
        checkFinite(x0, "x0", x0.length / batch);
        checkFinite(x1, "x1", x0.length / batch);
        return x0.length / batch;
    }

    private static void checkFinite(float[] x, String name, int size) {
        for (int k = 0; k < x.length; k++) {
            if (!Float.isFinite(x[k])) {
                throw new IllegalArgumentException(
                        name + " sample " + k / size + " holds a non-finite value: " + x[k]);
            }
        }
    }

    /** Row-major {@code batch × batch} matrix of {@code ‖x1_i − x0_j‖²}: rows data, columns source. */
    static double[] squaredDistances(float[] x0, float[] x1, int batch, int size) {
        double[] cost = new double[batch * batch];
        for (int i = 0; i < batch; i++) {
            int oi = i * size;
            for (int j = 0; j < batch; j++) {
                int oj = j * size;
                double s = 0;
                for (int k = 0; k < size; k++) {
                    double d = x1[oi + k] - x0[oj + k];
                    s += d * d;
                }
                cost[i * batch + j] = s;
            }
        }
        return cost;
    }

    /** The source batch reordered so that row {@code i} holds source sample {@code index[i]}. */
    static float[] gather(float[] x0, int[] index, int size) {
        float[] out = new float[x0.length];
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(x0, index[i] * size, out, i * size, size);
        }
        return out;
    }
}
