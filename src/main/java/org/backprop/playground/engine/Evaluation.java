package org.backprop.playground.engine;

/** Loss and accuracy over a data set, in batches through one reusable {@link Pass}. */
public final class Evaluation {
    private static final int CHUNK = 512;

    private Evaluation() {}

    public static double meanLoss(Network net, Samples data) {
        return meanLoss(net, data, new Pass(net.layout, Math.min(CHUNK, Math.max(1, data.count()))));
    }

    /** As {@link #meanLoss(Network, Samples)}, reusing the caller's scratch pass. */
    public static double meanLoss(Network net, Samples data, Pass pass) {
        int n = data.count();
        if (n == 0) return 0;
        double sum = 0;
        for (int i = 0; i < n; i += CHUNK) {
            int B = Math.min(CHUNK, n - i);
            pass.forward(net, data.inputs(), i, B);
            sum += pass.lossSum(net, data.targets(), i);
        }
        return sum / n;
    }

    /**
     * Fraction classified right: one output is right when its sign (tanh, linear) or side of 0.5
     * (sigmoid) matches the target's; several outputs when the arg-max matches.
     */
    public static double accuracy(Network net, Samples data) {
        int n = data.count(), K = net.layout.outputs();
        if (n == 0) return 0;
        Pass pass = new Pass(net.layout, Math.min(CHUNK, n));
        double threshold = net.activation(net.layout.layers() - 1) == Activation.SIGMOID ? 0.5 : 0;
        int right = 0;
        for (int i = 0; i < n; i += CHUNK) {
            int B = Math.min(CHUNK, n - i);
            pass.forward(net, data.inputs(), i, B);
            for (int b = 0; b < B; b++) {
                int row = (i + b) * K;
                if (K == 1) {
                    if ((pass.output(b, 0) >= threshold) == (data.targets()[row] >= threshold)) right++;
                } else if (argMaxOutput(pass, b, K) == argMax(data.targets(), row, K)) {
                    right++;
                }
            }
        }
        return (double) right / n;
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
