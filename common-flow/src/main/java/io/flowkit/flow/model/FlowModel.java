package io.flowkit.flow.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.flowkit.flow.checkpoint.Provenance;
import java.util.Objects;

/**
 * What every trained flow of flowkit holds: its configuration, its network, the manager that owns
 * the weights, the provenance of the weights and where they were loaded from. The domain models
 * (TS-GEN, PUFM++, the mesh flow, the assembly flow) extend it with what is theirs (a velocity
 * field, a time schedule, a flow space); closing a model frees its weights.
 *
 * @param <C> the configuration type
 * @param <N> the network type
 */
public abstract class FlowModel<C, N extends Block> implements AutoCloseable {

    private final C config;
    private final NDManager manager;
    private final N network;
    private final Provenance provenance;
    private final String source;

    /**
     * @param config the configuration
     * @param manager the manager that owns the weights (closed by {@link #close()})
     * @param network the network
     * @param provenance where the weights come from, or null for a new model
     * @param source where the model was loaded from (a folder, the shipped resource, "new (seed 3)")
     */
    protected FlowModel(C config, NDManager manager, N network, Provenance provenance, String source) {
        this.config = Objects.requireNonNull(config, "config");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.network = Objects.requireNonNull(network, "network");
        this.provenance = provenance;
        this.source = Objects.requireNonNull(source, "source");
    }

    /** @return the configuration */
    public C config() {
        return config;
    }

    /** @return the network */
    public N network() {
        return network;
    }

    /** @return where the weights come from, or {@code null} for a new model */
    public Provenance provenance() {
        return provenance;
    }

    /** @return where the model was loaded from */
    public String source() {
        return source;
    }

    /** @return the manager that owns the weights */
    public NDManager manager() {
        return manager;
    }

    /** Frees the weights. */
    @Override
    public void close() {
        manager.close();
    }
}
