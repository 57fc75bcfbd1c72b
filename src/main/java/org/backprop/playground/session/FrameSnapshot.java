package org.backprop.playground.session;

import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Features;
import org.backprop.playground.engine.Network;

/**
 * Everything one frame shows, copied out of a session under its lock so the grids can be computed
 * after the lock is released while training goes on.
 *
 * @param version       the session's change counter when taken (a newer frame has a larger one)
 * @param network       a copy of the network at this moment
 * @param features      the inputs of a 2-D set, or null when the set is not 2-D (no grids then)
 * @param trainAccuracy NaN for regression, as testAccuracy
 * @param gradient      the last epoch's mean dL/dθ in the parameter layout (see Trainer#epochGradient)
 * @param updateRatio   per weight layer ‖Δθ‖/‖θ‖ of the last update (NaN before any)
 * @param predictions   for a set that is not 2-D: rows [target label, outputs...] of the first test points; else null
 * @param goal          the goal's progress, measured in this frame; null without a goal
 */
public record FrameSnapshot(
        long version,
        long epoch,
        long dataVersion,
        double trainLoss,
        double testLoss,
        double trainAccuracy,
        double testAccuracy,
        boolean playing,
        String diverged,
        Network network,
        Features features,
        Domain domain,
        double[] gradient,
        double[] updateRatio,
        double[][] predictions,
        GoalView goal) {

    public boolean hasGrids() {
        return features != null;
    }
}
