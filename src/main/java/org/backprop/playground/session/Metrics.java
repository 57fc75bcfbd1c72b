package org.backprop.playground.session;

import org.backprop.playground.engine.Evaluation;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Pass;
import org.backprop.playground.engine.Passes;
import org.backprop.playground.engine.Samples;

/**
 * Mean loss and accuracy of data sets in shared forward passes, through a {@link Pass} lent by
 * {@link Passes} (thirty frames a second must not allocate; a session between frames holds none);
 * the arithmetic is engine.Evaluation's.
 */
final class Metrics {
    /** Each set's score, the sets evaluated together (train and test rows share forward passes). */
    Evaluation.Score[] scores(Network net, boolean classification, Samples... sets) {
        Pass pass = Passes.borrow(net.layout);
        try {
            return Evaluation.scores(net, pass, classification, sets);
        } finally {
            Passes.giveBack(pass);
        }
    }
}
