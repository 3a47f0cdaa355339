package io.flowkit.molecules.data;

import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.train.FlowDataSource;
import io.flowkit.flow.train.HostBatch;
import io.flowkit.molecules.featurize.ElementVocabulary;
import io.flowkit.molecules.featurize.ReactionBatch;
import io.flowkit.molecules.featurize.ReactionFrame;
import io.flowkit.molecules.model.TsGenConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Training batches for TS-GEN: data {@code x1} = the transition state superposed on the centred
 * reactant, source {@code x0} = the configured prior, condition = element types, R, P and the atom
 * mask; the loss averages over real atoms only.
 *
 * <p>A batch is a window of consecutive reactions in the training set sorted by atom count,
 * starting at a uniformly random position (wrapping around), so every reaction is drawn equally
 * often while a batch holds molecules of similar size: padding to the batch's largest molecule then
 * wastes little of the network's pairwise work, which grows with the square of the atom count.
 */
public final class TsGenDataSource implements FlowDataSource {

    private final List<ReactionFrame> reactions;
    private final ElementVocabulary elements;
    private final TsGenConfig config;
    private final String description;

    /**
     * A source over prepared reactions that all carry a transition state.
     *
     * @param reactions the training reactions
     * @param config the model's configuration (elements and prior)
     * @param description what the data is, for provenance
     * @throws IllegalArgumentException if there is no reaction, one lacks a transition state or has an
     *     unknown element
     */
    public TsGenDataSource(List<ReactionFrame> reactions, TsGenConfig config, String description) {
        if (reactions.isEmpty()) {
            throw new IllegalArgumentException("no training reactions");
        }
        for (ReactionFrame f : reactions) {
            if (!f.hasTransitionState()) {
                throw new IllegalArgumentException("training reaction " + f.id() + " has no transition state");
            }
        }
        ReactionBatch.of(reactions, config.elements());
        List<ReactionFrame> sorted = new ArrayList<>(reactions);
        sorted.sort(java.util.Comparator.comparingInt(ReactionFrame::atomCount));
        this.reactions = List.copyOf(sorted);
        this.elements = config.elements();
        this.config = config;
        this.description = description;
    }

    @Override
    public HostBatch next(long step, int batchSize, SeededRandom random) {
        List<ReactionFrame> chosen = new ArrayList<>(batchSize);
        int start = random.nextInt(reactions.size());
        for (int i = 0; i < batchSize; i++) {
            chosen.add(reactions.get((start + i) % reactions.size()));
        }
        ReactionBatch batch = ReactionBatch.of(chosen, elements);
        float[] x0 = config.prior().sample(batch.reactants(), batch.products(), batch.coordinateMask(), batch.atoms(),
                config.priorScale(), random);
        return new HostBatch(batchSize, batch.sampleShape(), x0, batch.transitionStates(), batch::condition,
                batch.coordinateMask());
    }

    @Override
    public String describe() {
        return description;
    }
}
