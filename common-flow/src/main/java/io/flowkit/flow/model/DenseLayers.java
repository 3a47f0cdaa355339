package io.flowkit.flow.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fully connected layers ({@code y = x Wᵀ + b}) run the fast way for the CPU they are on.
 *
 * <p>libtorch computes a float {@code Linear} with MKL's GEMM, which on AMD processors runs its
 * AVX2 kernels only; oneDNN, which libtorch carries too, uses AVX-512 wherever the processor has it.
 * For inference on large batches this class therefore writes the layer as the 1 × 1 convolution it
 * is: the rows viewed as {@value #GROUPS} images of height {@code rows / 16}, channels last (the same
 * memory, no copy), which libtorch hands to oneDNN. The parameters are the {@link Linear} block's
 * own, so saved models are unchanged. Measured on this project's 2-core AMD EPYC machines (10,000 ×
 * 256 by 256 × 256): 85 GFLOP/s through {@code Linear}, 140-180 through the convolution at one
 * thread (README, Performance).
 *
 * <p>That convolution is not always right: on those machines libtorch 2.7.1 returns wrong values
 * for some output widths (33-45, 65-80, 97-112 and 512 channels among those tried) while its
 * gradients stay right. So each shape (rows, inputs, outputs, threads) is checked once against
 * {@code Linear} on its first call, and a shape whose results differ by more than float rounding
 * keeps {@code Linear}'s path for the life of the process. Training (gradient recording on), small
 * batches, other devices and other data types always take {@code Linear}'s path. The system
 * property {@value #PROPERTY}{@code =false} turns the convolution off.
 */
public final class DenseLayers {

    /** System property that turns the convolution path off when {@code false}. */
    public static final String PROPERTY = "flowkit.dense.convolution";

    /** Images the rows are split into: libtorch sends a convolution to oneDNN from a batch of 16. */
    static final int GROUPS = 16;

    /** Fewest rows for the convolution path; below it the call overhead outweighs the faster kernel. */
    static final long MIN_ROWS = 1024;

    /** Fewest input and output features for the convolution path (narrow layers are memory-bound). */
    static final long MIN_FEATURES = 64;

    /**
     * Fewest multiply-adds (rows × inputs × outputs) for the convolution path. Measured at 1 and 2
     * threads: 256 × 256 layers take 0.51-0.69 of {@code Linear}'s time from 1,024 rows, 128 × 128
     * from 1,024 rows, 64 × 64 only from 4,096 rows (about 1.9 at 1,024).
     */
    static final long MIN_WORK = 1L << 24;

    /** Largest difference from {@code Linear}, relative to the largest output, that counts as rounding. */
    static final double TOLERANCE = 1e-4;

    private static final int MAX_SHAPES = 4096;
    private static final Map<List<Long>, Boolean> VERDICTS = new ConcurrentHashMap<>();

    private DenseLayers() {}

    /**
     * Applies a {@link Linear} block to the last axis of {@code x}, as {@code layer.forward} does.
     *
     * @param store the parameter store of the forward pass
     * @param layer an initialised linear block
     * @param x input of shape {@code (..., in)}
     * @param training whether the pass is for training (then always {@code Linear}'s own path)
     * @return output of shape {@code (..., out)}
     */
    public static NDArray forward(ParameterStore store, Linear layer, NDArray x, boolean training) {
        if (training) {
            return layer.forward(store, new NDList(x), true).head();
        }
        Device device = x.getDevice();
        NDArray weight = store.getValue(layer.getParameters().get("weight"), device, false);
        Parameter biasParameter = layer.getParameters().contains("bias") ? layer.getParameters().get("bias") : null;
        NDArray bias = biasParameter == null ? null : store.getValue(biasParameter, device, false);
        return linear(x, weight, bias);
    }

    /**
     * {@code x Wᵀ + b} over the last axis of {@code x}; the convolution path only while gradient
     * recording is off on the calling thread.
     *
     * @param x input of shape {@code (..., in)}
     * @param weight weights of shape {@code (out, in)}
     * @param bias bias of shape {@code (out)}, or null
     * @return output of shape {@code (..., out)}
     */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        Shape shape = x.getShape();
        long in = shape.get(shape.dimension() - 1);
        long out = weight.getShape().get(0);
        long rows = shape.size() / Math.max(1, in);
        if (!useConvolution(x, rows, in, out)) {
            return plain(x, weight, bias);
        }
        List<Long> key = List.of(rows, in, out, (long) JniUtils.getNumThreads());
        Boolean verdict = VERDICTS.get(key);
        if (Boolean.FALSE.equals(verdict)) {
            return plain(x, weight, bias);
        }
        NDArray result = convolution(x, weight, bias, rows, in, out);
        if (verdict == null) {
            NDArray reference = plain(x, weight, bias);
            double scale = reference.abs().max().getFloat();
            double difference = result.sub(reference).abs().max().getFloat();
            boolean right = difference <= TOLERANCE * (1 + scale);
            if (VERDICTS.size() < MAX_SHAPES) {
                VERDICTS.put(key, right);
            }
            if (!right) {
                result.close();
                return reference;
            }
            reference.close();
        }
        return result;
    }

    /** The check's verdict for a shape at the current thread count: null if never checked. */
    static Boolean verdict(long rows, long in, long out) {
        return VERDICTS.get(List.of(rows, in, out, (long) JniUtils.getNumThreads()));
    }

    private static NDArray plain(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).head();
    }

    private static NDArray convolution(NDArray x, NDArray weight, NDArray bias, long rows, long in, long out) {
        NDArray flat = x.reshape(rows, in);
        long padded = (rows + GROUPS - 1) / GROUPS * GROUPS;
        if (padded != rows) {
            flat = NDArrays.concat(new NDList(flat, x.getManager().zeros(new Shape(padded - rows, in), x.getDataType())));
        }
        // (rows, in) row-major is (16, rows/16, 1, in) NHWC, i.e. an NCHW array in channels-last layout.
        NDArray images = flat.reshape(GROUPS, padded / GROUPS, 1, in).transpose(0, 3, 1, 2);
        // The kernel is a view of the weights; it belongs to the input's (short-lived) manager, not the model's.
        NDArray kernel = weight.reshape(out, in, 1, 1);
        kernel.attach(x.getManager());
        NDArray y = x.getNDArrayInternal().convolution(images, kernel, bias,
                new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).head();
        NDArray result = y.transpose(0, 2, 3, 1).reshape(padded, out);
        if (padded != rows) {
            result = result.get("0:" + rows);
        }
        long[] dims = x.getShape().getShape();
        dims[dims.length - 1] = out;
        return result.reshape(new Shape(dims));
    }

    private static boolean useConvolution(NDArray x, long rows, long in, long out) {
        return rows >= MIN_ROWS && in >= MIN_FEATURES && out >= MIN_FEATURES && rows * in * out >= MIN_WORK
                && x.getDataType() == DataType.FLOAT32
                && x.getDevice().getDeviceType().equals(Device.Type.CPU) && "PyTorch".equals(x.getManager().getEngine().getEngineName())
                && !JniUtils.isGradMode() && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
    }
}
