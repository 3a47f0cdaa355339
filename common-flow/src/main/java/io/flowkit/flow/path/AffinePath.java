package io.flowkit.flow.path;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * An affine probability path {@code x_t = α_t x1 + σ_t x0} with target velocity
 * {@code u_t = α'_t x1 + σ'_t x0} (Lipman et al. 2023, "Flow Matching for Generative Modeling",
 * eq. 20-21; Lipman et al. 2024, "Flow Matching Guide and Code", section 4.8). Time runs from the
 * source ({@code t = 0}) to the data ({@code t = 1}).
 *
 * <p>Batches are sample-major: the first axis (or the first {@code batch} blocks of a flat array)
 * indexes samples, and each sample has its own time.
 */
public final class AffinePath {

    private final Scheduler scheduler;

    private AffinePath(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A path with the given schedule.
     *
     * @param scheduler the schedule
     * @return the path
     */
    public static AffinePath of(Scheduler scheduler) {
        if (scheduler == null) {
            throw new IllegalArgumentException("scheduler is null");
        }
        return new AffinePath(scheduler);
    }

    /**
     * The linear (CondOT) path {@code x_t = t x1 + (1 − t) x0}, target {@code x1 − x0}.
     *
     * @return the path
     */
    public static AffinePath linear() {
        return new AffinePath(Scheduler.linear());
    }

    /** @return the schedule */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Samples the path on the host: {@code x_t} and {@code u_t} for each sample.
     *
     * @param x0 source samples, {@code batch × sampleSize} values
     * @param x1 data samples, same layout
     * @param t one time per sample, in [0, 1]
     * @return the states and target velocities
     * @throws IllegalArgumentException if the lengths do not match or a value is not finite
     */
    public HostPathSample sample(float[] x0, float[] x1, float[] t) {
        int batch = t.length;
        if (batch == 0) {
            throw new IllegalArgumentException("t is empty");
        }
        if (x0.length != x1.length) {
            throw new IllegalArgumentException(
                    "x0 and x1 differ in length: " + x0.length + " != " + x1.length);
        }
        if (x0.length % batch != 0) {
            throw new IllegalArgumentException(
                    "x0 length " + x0.length + " is not a multiple of the batch size " + batch);
        }
        int size = x0.length / batch;
        float[] xt = new float[x0.length];
        float[] ut = new float[x0.length];
        for (int b = 0; b < batch; b++) {
            double tb = checkTime(t[b], b);
            float a = (float) scheduler.alpha(tb);
            float s = (float) scheduler.sigma(tb);
            float da = (float) scheduler.alphaDerivative(tb);
            float ds = (float) scheduler.sigmaDerivative(tb);
            if (!Float.isFinite(da) || !Float.isFinite(ds)) {
                throw new IllegalArgumentException(
                        "the target velocity of " + scheduler.name() + " is not finite at t = " + tb);
            }
            int off = b * size;
            for (int k = off; k < off + size; k++) {
                float v0 = x0[k];
                float v1 = x1[k];
                if (!Float.isFinite(v0) || !Float.isFinite(v1)) {
                    throw new IllegalArgumentException("sample " + b + " holds a non-finite value at index "
                            + (k - off) + ": x0 = " + v0 + ", x1 = " + v1);
                }
                xt[k] = a * v1 + s * v0;
                ut[k] = da * v1 + ds * v0;
            }
        }
        return new HostPathSample(xt, ut);
    }

    /**
     * The coefficients {@code (c_x, c_p)} with {@code target = c_x · x_t + c_p · prediction}: every
     * conversion between the three parameterisations is linear in {@code (x_t, prediction)}.
     *
     * @param from what the prediction is
     * @param to what is wanted
     * @param t the time
     * @return {@code {c_x, c_p}}
     * @throws IllegalArgumentException if the conversion is undefined at this time (for example
     *     data from noise at {@code α_t = 0})
     */
    public double[] conversion(Parameterization from, Parameterization to, double t) {
        checkTime(t, -1);
        double a = scheduler.alpha(t);
        double s = scheduler.sigma(t);
        double da = scheduler.alphaDerivative(t);
        double ds = scheduler.sigmaDerivative(t);
        double cx;
        double cp;
        if (from == to) {
            cx = 0;
            cp = 1;
        } else if (from == Parameterization.VELOCITY) {
            double det = ds * a - s * da;
            if (to == Parameterization.DATA) {
                cx = ds / det;
                cp = -s / det;
            } else {
                cx = -da / det;
                cp = a / det;
            }
        } else if (from == Parameterization.DATA) {
            // x0 = (x − α x1) / σ
            if (to == Parameterization.NOISE) {
                cx = 1 / s;
                cp = -a / s;
            } else {
                cx = ds / s;
                cp = da - ds * a / s;
            }
        } else {
            // x1 = (x − σ x0) / α
            if (to == Parameterization.DATA) {
                cx = 1 / a;
                cp = -s / a;
            } else {
                cx = da / a;
                cp = ds - da * s / a;
            }
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cp)) {
            throw new IllegalArgumentException("conversion from " + from + " to " + to + " is undefined at t = "
                    + t + " for " + scheduler.name() + " (alpha = " + a + ", sigma = " + s + ")");
        }
        return new double[] {cx, cp};
    }

    /**
     * Converts a prediction at a common time {@code t} (as during sampling).
     *
     * @param prediction what the network predicted
     * @param from its parameterisation
     * @param to the wanted parameterisation
     * @param xt the current states, same shape as the prediction
     * @param t the time
     * @return the converted prediction, in the manager of {@code xt}
     * @throws IllegalArgumentException if the shapes differ or the conversion is undefined at t
     */
    public NDArray convert(NDArray prediction, Parameterization from, Parameterization to, NDArray xt, double t) {
        if (!prediction.getShape().equals(xt.getShape())) {
            throw new IllegalArgumentException(
                    "prediction shape " + prediction.getShape() + " differs from x_t shape " + xt.getShape());
        }
        if (from == to) {
            return prediction.duplicate();
        }
        double[] c = conversion(from, to, t);
        return xt.mul((float) c[0]).addi(prediction.mul((float) c[1]));
    }

    /**
     * Converts a prediction with one time per sample (as during training).
     *
     * @param prediction what the network predicted, first axis the batch
     * @param from its parameterisation
     * @param to the wanted parameterisation
     * @param xt the states, same shape
     * @param t one time per sample
     * @return the converted prediction, in the manager of {@code xt}
     * @throws IllegalArgumentException if the shapes differ or a conversion is undefined
     */
    public NDArray convert(NDArray prediction, Parameterization from, Parameterization to, NDArray xt, float[] t) {
        Shape shape = xt.getShape();
        if (!prediction.getShape().equals(shape)) {
            throw new IllegalArgumentException(
                    "prediction shape " + prediction.getShape() + " differs from x_t shape " + shape);
        }
        if (shape.get(0) != t.length) {
            throw new IllegalArgumentException("batch size " + shape.get(0) + " differs from " + t.length + " times");
        }
        if (from == to) {
            return prediction.duplicate();
        }
        float[] cx = new float[t.length];
        float[] cp = new float[t.length];
        for (int b = 0; b < t.length; b++) {
            double[] c = conversion(from, to, t[b]);
            cx[b] = (float) c[0];
            cp[b] = (float) c[1];
        }
        long[] broadcast = new long[shape.dimension()];
        java.util.Arrays.fill(broadcast, 1);
        broadcast[0] = t.length;
        Shape coeffShape = new Shape(broadcast);
        NDArray ax = xt.getManager().create(cx, coeffShape);
        NDArray ap = xt.getManager().create(cp, coeffShape);
        return xt.mul(ax).addi(prediction.mul(ap));
    }

    private static double checkTime(double t, int sample) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(
                    (sample >= 0 ? "t of sample " + sample : "t") + " is outside [0, 1]: " + t);
        }
        return t;
    }
}
