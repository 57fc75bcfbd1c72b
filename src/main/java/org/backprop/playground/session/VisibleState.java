package org.backprop.playground.session;

import java.util.Objects;

/**
 * What a frame's header shows besides the epoch: the play state, the losses and accuracies, the
 * goal's progress (a record of values: what its JSON prints) and the weights, as a client last got them. A frame whose header moved none of
 * them past what can be seen, and whose blocks are all {@code same}, shows nothing new
 * (a converged network): the scheduler then sends one only as a slow keep-alive.
 */
record VisibleState(
        boolean playing,
        String diverged,
        long dataVersion,
        double trainLoss,
        double testLoss,
        double trainAccuracy,
        double testAccuracy,
        GoalView goal,
        double[] params) {
    /** A loss or an accuracy moved by more than this fraction of itself (the page prints 3 decimals). */
    static final double UNSEEN_RATIO = 1e-3;
    /** A weight moved by more than this (a link's width is 1 + 9·min(5, |w|)/5 pixels). */
    static final double UNSEEN_WEIGHT = 1e-3;

    static VisibleState of(FrameSnapshot s) {
        return new VisibleState(
                s.playing(),
                s.diverged(),
                s.dataVersion(),
                s.trainLoss(),
                s.testLoss(),
                s.trainAccuracy(),
                s.testAccuracy(),
                s.goal(),
                s.network().params.clone());
    }

    /** Whether a client that was shown {@code before} would see this differ (true with nothing before). */
    boolean differsFrom(VisibleState before) {
        if (before == null
                || playing != before.playing
                || dataVersion != before.dataVersion
                || !Objects.equals(diverged, before.diverged)
                || !Objects.equals(goal, before.goal)
                || params.length != before.params.length) {
            return true;
        }
        if (moved(trainLoss, before.trainLoss)
                || moved(testLoss, before.testLoss)
                || moved(trainAccuracy, before.trainAccuracy)
                || moved(testAccuracy, before.testAccuracy)) {
            return true;
        }
        for (int i = 0; i < params.length; i++)
            if (!(Math.abs(params[i] - before.params[i]) <= UNSEEN_WEIGHT)) return true;
        return false;
    }

    private static boolean moved(double now, double before) {
        if (Double.isNaN(now) || Double.isNaN(before)) return Double.isNaN(now) != Double.isNaN(before);
        return !(Math.abs(now - before) <= UNSEEN_RATIO * Math.abs(before));
    }
}
