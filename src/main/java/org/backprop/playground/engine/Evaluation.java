package org.backprop.playground.engine;

/** Loss and accuracy over a data set, in batches through a reusable {@link Pass}. */
public final class Evaluation {
    /**
     * Rows per forward pass: long, so each layer is a few vectorized sweeps over 256 columns
     * ({@link Pass#forwardRowsByFeature}), and its own path, so training's short-batch kernels
     * keep a profile of training batches (250-row chunks through those made training 69k instead
     * of 82k W1 epochs/s).
     */
    public static final int CHUNK = 256;

    /** Mean loss and fraction right (NaN when accuracy was not asked for). */
    public record Score(double loss, double accuracy) {}

    private Evaluation() {}

    public static double meanLoss(Network net, Samples data) {
        return meanLoss(net, data, newPass(net, data));
    }

    /** As {@link #meanLoss(Network, Samples)}, reusing the caller's scratch pass. */
    public static double meanLoss(Network net, Samples data, Pass pass) {
        return score(net, data, pass, false).loss();
    }

    public static double accuracy(Network net, Samples data) {
        return score(net, data, newPass(net, data), true).accuracy();
    }

    /**
     * Mean per-sample loss (no regularization term, as TF Playground reports it) and, when asked,
     * the fraction classified right in the same forward pass: one output is right when its sign
     * (tanh, linear) or side of 0.5 (sigmoid) matches the target's; several outputs when the
     * arg-max matches.
     */
    public static Score score(Network net, Samples data, Pass pass, boolean accuracy) {
        int n = data.count(), K = net.layout.outputs();
        if (n == 0) return new Score(0, accuracy ? 0 : Double.NaN);
        double threshold = net.activation(net.layout.layers() - 1) == Activation.SIGMOID ? 0.5 : 0;
        double[] t = data.targets(), byFeature = data.inputsByFeature(), maxAbs = data.maxAbsByFeature();
        double lossSum = 0;
        int right = 0;
        for (int i = 0; i < n; i += CHUNK) {
            int B = Math.min(CHUNK, n - i);
            pass.forwardRowsByFeature(net, byFeature, n, i, B, maxAbs);
            lossSum += pass.lossSum(net, t, i);
            if (!accuracy) continue;
            for (int b = 0; b < B; b++) {
                int row = (i + b) * K;
                if (K == 1) {
                    if ((pass.output(b, 0) >= threshold) == (t[row] >= threshold)) right++;
                } else if (argMaxOutput(pass, b, K) == argMax(t, row, K)) {
                    right++;
                }
            }
        }
        return new Score(lossSum / n, accuracy ? (double) right / n : Double.NaN);
    }

    /** A scratch pass sized for evaluating {@code data} in chunks. */
    public static Pass newPass(Network net, Samples data) {
        return new Pass(net.layout, Math.min(CHUNK, Math.max(1, data.count())));
    }

    private static int argMaxOutput(Pass pass, int b, int K) {
        int best = 0;
        for (int k = 1; k < K; k++) if (pass.output(b, k) > pass.output(b, best)) best = k;
        return best;
    }

    private static int argMax(double[] v, int off, int K) {
        int best = 0;
        for (int k = 1; k < K; k++) if (v[off + k] > v[off + best]) best = k;
        return best;
    }
}
