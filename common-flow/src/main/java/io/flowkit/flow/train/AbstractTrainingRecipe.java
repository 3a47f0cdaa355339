package io.flowkit.flow.train;

import java.util.Objects;

/**
 * What every {@link TrainingRecipe} holds: the shared settings its builder validated and the
 * {@link StopRequest} that {@link #requestStop()} sets and the recipe hands on to the training it
 * starts.
 */
public abstract class AbstractTrainingRecipe implements TrainingRecipe {

    private final RecipeOptions.Settings settings;
    private final StopRequest stop = new StopRequest();

    /** @param settings the shared settings */
    protected AbstractTrainingRecipe(RecipeOptions.Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the shared settings */
    protected RecipeOptions.Settings settings() {
        return settings;
    }

    /** @return the stop request, to hand on to the training (also a stop signal) */
    protected StopRequest stop() {
        return stop;
    }

    @Override
    public final void requestStop() {
        stop.request();
    }
}
