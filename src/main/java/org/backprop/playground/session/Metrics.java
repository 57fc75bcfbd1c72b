package org.backprop.playground.session;

import org.backprop.playground.engine.Evaluation;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Pass;
import org.backprop.playground.engine.Samples;

/**
 * Mean loss and accuracy of a data set in one forward pass, through a {@link Pass} kept between
 * frames (thirty frames a second must not allocate); the arithmetic is engine.Evaluation's.
 */
final class Metrics {
    private static final int CHUNK = 512;
    private Pass pass;
    private Layout passLayout;

    Evaluation.Score score(Network net, Samples data, boolean classification) {
        if (pass == null || !passLayout.equals(net.layout)) {
            pass = new Pass(net.layout, CHUNK);
            passLayout = net.layout;
        }
        return Evaluation.score(net, data, pass, classification);
    }
}
