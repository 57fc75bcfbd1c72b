package org.backprop.playground.export;

import org.backprop.playground.session.FrameSnapshot;
import org.backprop.playground.session.TrainingSession;

/** The losses the playground shows after each of a run's first epochs: the numbers an exported program must print. */
public record PlaygroundLosses(double[] train, double[] test) {

    /**
     * Trains {@code session} (fresh from its state) {@code epochs} epochs, reading the frame's train and
     * test loss after each, as the page gets them. Stops early at divergence (NaN or infinite weights
     * or losses): the arrays are then shorter.
     */
    public static PlaygroundLosses of(TrainingSession session, int epochs) {
        double[] train = new double[epochs], test = new double[epochs];
        int done = 0;
        while (done < epochs && session.runEpochs(1) == 1) {
            FrameSnapshot frame = session.snapshot();
            if (!(Double.isFinite(frame.trainLoss()) && Double.isFinite(frame.testLoss()))) break;
            train[done] = frame.trainLoss();
            test[done] = frame.testLoss();
            done++;
        }
        return new PlaygroundLosses(java.util.Arrays.copyOf(train, done), java.util.Arrays.copyOf(test, done));
    }
}
