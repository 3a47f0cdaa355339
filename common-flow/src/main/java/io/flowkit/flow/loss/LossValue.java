package io.flowkit.flow.loss;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss of one step: the total to differentiate and its named parts.
 *
 * @param total the weighted sum, a scalar
 * @param parts each part by name ({@code "velocity"} first, then the auxiliary terms, unweighted)
 */
public record LossValue(NDArray total, Map<String, NDArray> parts) {

    /** @return each part's value, read from the device */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : parts.entrySet()) {
            out.put(e.getKey(), (double) e.getValue().getFloat());
        }
        return out;
    }
}
