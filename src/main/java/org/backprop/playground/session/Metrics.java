package org.backprop.playground.session;

import org.backprop.playground.engine.Evaluation;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Pass;
import org.backprop.playground.engine.Samples;

/**
 * Mean loss and accuracy of data sets in shared forward passes, through a {@link Pass} kept between
 * frames (thirty frames a second must not allocate); the arithmetic is engine.Evaluation's.
 */
final class Metrics {
    private Pass pass;
    private Layout passLayout;

    /** Each set's score, the sets evaluated together (train and test rows share forward passes). */
    Evaluation.Score[] scores(Network net, boolean classification, Samples... sets) {
        if (pass == null || !passLayout.equals(net.layout)) {
            pass = new Pass(net.layout, 1); // evaluation grows its own rows to the chunk; the training arrays stay at one sample
            passLayout = net.layout;
        }
        return Evaluation.scores(net, pass, classification, sets);
    }
}
