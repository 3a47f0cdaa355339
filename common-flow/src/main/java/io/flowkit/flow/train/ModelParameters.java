package io.flowkit.flow.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.flowkit.flow.checkpoint.TensorArchive;
import io.flowkit.flow.engine.FlowEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainable parameters of a block in a fixed order, with their unique hierarchical names
 * (such as {@code linear0_weight}), and their exchange with checkpoint tensors.
 */
public final class ModelParameters {

    private final List<String> names;
    private final List<Parameter> parameters;

    private ModelParameters(List<String> names, List<Parameter> parameters) {
        this.names = names;
        this.parameters = parameters;
    }

    /**
     * Collects the gradient-carrying parameters of an initialised block.
     *
     * @param block the block
     * @return its parameters
     * @throws IllegalArgumentException if the block is not initialised or has no trainable parameter
     */
    public static ModelParameters of(Block block) {
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("block is not initialised");
        }
        List<String> names = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                names.add(pair.getKey());
                params.add(pair.getValue());
            }
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException("block has no trainable parameter");
        }
        return new ModelParameters(List.copyOf(names), List.copyOf(params));
    }

    /** @return the names, in order */
    public List<String> names() {
        return names;
    }

    /** @return the parameters, in order */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** @return the total number of scalar weights */
    public long count() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.getArray().getShape().size();
        }
        return n;
    }

    /**
     * Copies arrays that follow the parameter order to the host, keyed by {@code prefix + name}.
     *
     * @param arrays one array per parameter
     * @param prefix a key prefix, e.g. {@code "m:"}
     * @return the tensors in order
     */
    public Map<String, TensorArchive.Tensor> toTensors(List<NDArray> arrays, String prefix) {
        Map<String, TensorArchive.Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            NDArray a = arrays.get(i);
            out.put(prefix + names.get(i), new TensorArchive.Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        return out;
    }

    /** @return the current weights as host tensors */
    public Map<String, TensorArchive.Tensor> weights() {
        List<NDArray> arrays = new ArrayList<>();
        for (Parameter p : parameters) {
            arrays.add(p.getArray());
        }
        return toTensors(arrays, "");
    }

    /**
     * Overwrites arrays that follow the parameter order with stored tensors, checking names and
     * shapes.
     *
     * @param arrays one array per parameter, overwritten in place
     * @param tensors the stored tensors
     * @param prefix the key prefix used when storing
     * @param what what is being loaded, for messages (e.g. "checkpoint model.bin")
     * @throws IllegalArgumentException naming the first missing, extra or mis-shaped tensor
     */
    public void load(List<NDArray> arrays, Map<String, TensorArchive.Tensor> tensors, String prefix, String what) {
        long expected = tensors.keySet().stream().filter(k -> k.startsWith(prefix)).count();
        if (expected != names.size()) {
            throw new IllegalArgumentException(what + " holds " + expected + " tensors, the model has "
                    + names.size() + " parameters");
        }
        try (FlowEngine.GradientMode ignored = FlowEngine.noGradient()) {
            for (int i = 0; i < names.size(); i++) {
                String key = prefix + names.get(i);
                TensorArchive.Tensor t = tensors.get(key);
                if (t == null) {
                    throw new IllegalArgumentException(what + " lacks parameter " + key);
                }
                NDArray a = arrays.get(i);
                if (!java.util.Arrays.equals(t.shape(), a.getShape().getShape())) {
                    throw new IllegalArgumentException(what + ": parameter " + key + " has shape "
                            + java.util.Arrays.toString(t.shape()) + ", the model expects " + a.getShape());
                }
                copyInto(a, a.getManager().create(t.values(), a.getShape()));
            }
        }
    }

    /**
     * Copies values into an array in place (an indexed assignment over the whole array), keeping
     * the array's identity so that optimizers and gradients that refer to it stay valid.
     *
     * @param target the array to overwrite
     * @param source the values, same shape; closed afterwards
     */
    static void copyInto(NDArray target, NDArray source) {
        try (NDArray values = source) {
            target.set(new ai.djl.ndarray.index.NDIndex(":"), values);
        }
    }

    /** @return the parameter arrays, in order */
    public List<NDArray> arrays() {
        List<NDArray> arrays = new ArrayList<>();
        for (Parameter p : parameters) {
            arrays.add(p.getArray());
        }
        return arrays;
    }

    /**
     * The global norm of the current gradients, {@code sqrt(Σ ‖g_p‖²)} over all parameters.
     *
     * @param scope the step's manager, which takes over the gradient views
     * @return the norm (NaN or infinite when training diverged)
     */
    public double gradientNorm(NDManager scope) {
        NDList norms = new NDList(parameters.size());
        for (Parameter p : parameters) {
            NDArray g = p.getArray().getGradient();
            g.attach(scope);
            norms.add(g.norm().reshape(1));
        }
        return NDArrays.concat(norms).norm().getFloat();
    }

    /**
     * The factor that clips the current gradients to a global norm, {@code min(1, maxNorm / ‖g‖)}
     * (Pascanu et al. 2013), for {@link Adam.State#update}.
     *
     * @param scope the step's manager, which takes over the gradient views
     * @param maxNorm the largest global norm let through
     * @return the factor
     * @throws IllegalStateException if the norm is not finite (training diverged)
     */
    public double clipScale(NDManager scope, double maxNorm) {
        double norm = gradientNorm(scope);
        if (!Double.isFinite(norm)) {
            throw new IllegalStateException("training diverged: the gradient norm is " + norm);
        }
        return norm > maxNorm ? maxNorm / norm : 1;
    }
}
