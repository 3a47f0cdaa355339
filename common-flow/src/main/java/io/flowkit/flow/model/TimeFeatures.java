package io.flowkit.flow.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Features of the time {@code t} fed to a network: the raw time, or Fourier features
 * {@code [sin(2π f_k t), cos(2π f_k t)]} with geometrically spaced frequencies (Tancik et al.
 * 2020, "Fourier Features Let Networks Learn High Frequency Functions").
 */
public final class TimeFeatures {

    private final float[] frequencies;

    private TimeFeatures(float[] frequencies) {
        this.frequencies = frequencies;
    }

    /** @return the raw time as a single feature */
    public static TimeFeatures raw() {
        return new TimeFeatures(new float[0]);
    }

    /**
     * Fourier features with {@code count} frequencies from 1 to {@code maxFrequency}, geometrically
     * spaced.
     *
     * @param count number of frequencies, positive
     * @param maxFrequency the largest frequency, at least 1
     * @return the features ({@code 2·count} columns)
     */
    public static TimeFeatures fourier(int count, double maxFrequency) {
        if (count < 1) {
            throw new IllegalArgumentException("number of frequencies is not positive: " + count);
        }
        if (!(maxFrequency >= 1) || !Double.isFinite(maxFrequency)) {
            throw new IllegalArgumentException("largest frequency is below 1: " + maxFrequency);
        }
        float[] f = new float[count];
        for (int k = 0; k < count; k++) {
            double ratio = count == 1 ? 0 : (double) k / (count - 1);
            f[k] = (float) (2 * Math.PI * Math.pow(maxFrequency, ratio));
        }
        return new TimeFeatures(f);
    }

    /** @return the number of feature columns */
    public int size() {
        return frequencies.length == 0 ? 1 : 2 * frequencies.length;
    }

    /**
     * Computes the features.
     *
     * @param t times, shape {@code (batch)}
     * @return features, shape {@code (batch, size())}, in the manager of {@code t}
     */
    public NDArray apply(NDArray t) {
        NDArray column = t.reshape(new Shape(-1, 1));
        if (frequencies.length == 0) {
            return column;
        }
        NDArray phase = column.mul(t.getManager().create(frequencies, new Shape(1, frequencies.length)));
        return NDArrays.concat(new NDList(phase.sin(), phase.cos()), 1);
    }

    /** @return a description for provenance, e.g. {@code "raw"} or {@code "fourier:8"} */
    public String describe() {
        return frequencies.length == 0 ? "raw" : "fourier:" + frequencies.length + ":" + frequencies[frequencies.length - 1] / (2 * Math.PI);
    }
}
