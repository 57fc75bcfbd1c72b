package org.backprop.playground.session;

import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Pass;
import org.backprop.playground.engine.Samples;

/**
 * Mean loss and accuracy of a data set in one forward pass, through a {@link Pass} kept between
 * frames (thirty frames a second must not allocate). The numbers are engine.Evaluation's: a test
 * holds them equal.
 */
final class Metrics {
    /** Mean loss and fraction right (NaN when the task has no accuracy). */
    record Score(double loss, double accuracy) {}

    private static final int CHUNK = 512;
    private Pass pass;
    private Layout passLayout;

    Score score(Network net, Samples data, boolean classification) {
        int n = data.count(), K = net.layout.outputs();
        if (n == 0) return new Score(0, classification ? 0 : Double.NaN);
        Pass p = pass(net.layout);
        double threshold = net.activation(net.layout.layers() - 1) == Activation.SIGMOID ? 0.5 : 0;
        double lossSum = 0;
        int right = 0;
        double[] t = data.targets();
        for (int i = 0; i < n; i += CHUNK) {
            int B = Math.min(CHUNK, n - i);
            p.forward(net, data.inputs(), i, B);
            lossSum += p.lossSum(net, t, i);
            if (!classification) continue;
            for (int b = 0; b < B; b++) {
                int row = (i + b) * K;
                if (K == 1) {
                    if ((p.output(b, 0) >= threshold) == (t[row] >= threshold)) right++;
                } else if (argMaxOutput(p, b, K) == argMax(t, row, K)) {
                    right++;
                }
            }
        }
        return new Score(lossSum / n, classification ? (double) right / n : Double.NaN);
    }

    private Pass pass(Layout layout) {
        if (pass == null || !passLayout.equals(layout)) {
            pass = new Pass(layout, CHUNK);
            passLayout = layout;
        }
        return pass;
    }

    private static int argMaxOutput(Pass p, int b, int K) {
        int best = 0;
        for (int k = 1; k < K; k++) if (p.output(b, k) > p.output(b, best)) best = k;
        return best;
    }

    private static int argMax(double[] v, int off, int K) {
        int best = 0;
        for (int k = 1; k < K; k++) if (v[off + k] > v[off + best]) best = k;
        return best;
    }
}
