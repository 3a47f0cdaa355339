package io.flowkit.flow.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link FlowTrainer#train()}.
 *
 * @param steps the number of finished steps
 * @param lossHistory the loss of every finished step, from step 1
 * @param checkpoint the last checkpoint written, or {@code null} when checkpoints are off
 * @param seconds wall time of this call (not counting earlier runs that were resumed)
 * @param stepsThisRun steps run by this call
 * @param stopped whether training stopped early on request
 */
public record TrainingResult(long steps, List<Double> lossHistory, Path checkpoint, double seconds, long stepsThisRun,
        boolean stopped) {

    /** @return steps per second in this call */
    public double stepsPerSecond() {
        return seconds > 0 ? stepsThisRun / seconds : 0;
    }

    /**
     * The mean loss over the last steps.
     *
     * @param window how many of the last steps
     * @return their mean loss, or NaN when there were none
     */
    public double recentLoss(int window) {
        int n = lossHistory.size();
        if (n == 0) {
            return Double.NaN;
        }
        return lossHistory.subList(Math.max(0, n - window), n).stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }
}
