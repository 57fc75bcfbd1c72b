package org.backprop.playground.engine;

/**
 * Per-sample loss between the output row o and the target row t (reported as the mean over
 * samples), and the δ it starts backprop with: dL/dz of the output layer.
 */
public enum Loss {
    /** ½ Σ (o − t)²: TF Playground's. dL/do = o − t. */
    SQUARE("square"),
    /** (1/K) Σ (o − t)² over the K outputs, as np.mean in tutorials 001–003. dL/do = 2(o − t)/K. */
    MSE("mse"),
    /** −[t log o + (1 − t) log(1 − o)] with a sigmoid output and t ∈ {0, 1}; δ = o − t (tutorial 000). */
    BCE("bce"),
    /** −Σ t log o with a softmax output and one-hot t; δ = o − t (tutorial 001). */
    CE("ce");

    public final String key;

    Loss(String key) {
        this.key = key;
    }

    public static Loss parse(String name) {
        for (Loss l : values()) {
            if (l.key.equalsIgnoreCase(name)) return l;
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'; use one of square, mse, bce, ce");
    }

    /**
     * Refuses pairs whose δ would be wrong or meaningless, naming the pair to use instead.
     * BCE needs a sigmoid output, CE a softmax output, and softmax is only trained with CE.
     */
    public void checkOutput(Activation output, int outputs) {
        if (this == BCE && output != Activation.SIGMOID) {
            throw new IllegalArgumentException("loss bce needs a sigmoid output, not " + output.key
                    + "; use activation sigmoid with bce, or loss square/mse with " + output.key);
        }
        if (this == CE && output != Activation.SOFTMAX) {
            throw new IllegalArgumentException("loss ce needs a softmax output, not " + output.key
                    + "; use a softmax output with ce, or loss square/mse with " + output.key);
        }
        if (output == Activation.SOFTMAX && this != CE) {
            throw new IllegalArgumentException("a softmax output is trained with loss ce, not " + key
                    + "; use loss ce with softmax, or a sigmoid/tanh/linear output with " + key);
        }
        if (this == CE && outputs < 2) {
            throw new IllegalArgumentException(
                    "loss ce with softmax needs at least 2 outputs; " + "for one output use sigmoid with bce");
        }
    }

    /**
     * {@code sum} plus, one at a time in column order, the loss of each column in [c, c + B) of
     * output o (K,S) packed with stride S (z its pre-activation) against targets (N,K) from row:
     * column c + b is row row + b. Continuing a sum, not starting one, so a set's total does not
     * depend on where chunks cut it.
     */
    double sum(double sum, double[] o, double[] z, double[] t, int row, int c, int B, int S, int K) {
        if (this == SQUARE && K == 1) {
            // TF Playground's case, without a call and a switch per sample; the same sums in the same order
            for (int b = 0; b < B; b++) {
                double d = o[c + b] - t[row + b];
                sum += 0.5 * (d * d);
            }
            return sum;
        }
        for (int b = 0; b < B; b++) sum += value(o, z, c + b, S, t, (row + b) * K, K);
        return sum;
    }

    /** Loss of sample b against its target row at t[tOff..tOff+K). */
    private double value(double[] o, double[] z, int b, int S, double[] t, int tOff, int K) {
        double sum = 0;
        switch (this) {
            case SQUARE -> {
                // ½·(d·d), not ½·d·d: TF Playground's rounding
                for (int k = 0; k < K; k++) {
                    double d = o[k * S + b] - t[tOff + k];
                    sum += 0.5 * (d * d);
                }
            }
            case MSE -> {
                for (int k = 0; k < K; k++) {
                    double d = o[k * S + b] - t[tOff + k];
                    sum += d * d;
                }
                sum /= K;
            }
            case BCE -> {
                // from z, not o: log(1 + e^-|z|) stays finite where log(σ(z)) would hit log(0)
                for (int k = 0; k < K; k++) {
                    double zk = z[k * S + b], tk = t[tOff + k];
                    sum += Math.max(zk, 0) - zk * tk + StrictMath.log1p(StrictMath.exp(-Math.abs(zk)));
                }
            }
            case CE -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < K; k++) max = Math.max(max, z[k * S + b]);
                double s = 0;
                for (int k = 0; k < K; k++) s += StrictMath.exp(z[k * S + b] - max);
                double logSumExp = max + StrictMath.log(s);
                for (int k = 0; k < K; k++) sum -= t[tOff + k] * (z[k * S + b] - logSumExp);
            }
        }
        return sum;
    }

    /**
     * o (K,S) (z its pre-activation) against targets (N,K) from row -> dout (K,S): dL/do for
     * square and mse; dL/dz = o − t for bce and ce, written so that it keeps its precision where the
     * output saturates (o − 1 with o ≈ 1 would cancel to nothing, and a gradient check with it).
     * Padding columns [B, S) get 0.
     */
    void gradient(double[] dout, double[] o, double[] z, double[] t, int row, int B, int S, int K) {
        if (this == BCE) {
            for (int k = 0; k < K; k++) {
                for (int b = 0; b < B; b++) {
                    double tk = t[(row + b) * K + k], zk = z[k * S + b];
                    // σ(z) − t = (1 − t)·σ(z) − t·σ(−z), each term exact on its own side
                    dout[k * S + b] = (1 - tk) * Activation.sigmoid(zk) - tk * (1 / (1 + StrictMath.exp(zk)));
                }
            }
        } else {
            double scale = this == MSE ? 2.0 / K : 1.0;
            for (int k = 0; k < K; k++) {
                int r = k * S;
                for (int b = 0; b < B; b++) dout[r + b] = scale * (o[r + b] - t[(row + b) * K + k]);
            }
        }
        if (this == CE) {
            // one-hot t: p_c − 1 = −Σ_{k≠c} p_k, which keeps the small probabilities' precision
            for (int b = 0; b < B; b++) {
                int off = (row + b) * K, hot = -1;
                boolean oneHot = true;
                for (int k = 0; k < K && oneHot; k++) {
                    double tk = t[off + k];
                    if (tk == 1 && hot < 0) hot = k;
                    else if (tk != 0) oneHot = false;
                }
                if (!oneHot || hot < 0) continue;
                double rest = 0;
                for (int k = 0; k < K; k++) if (k != hot) rest += o[k * S + b];
                dout[hot * S + b] = -rest;
            }
        }
        if (B < S) for (int k = 0; k < K; k++) dout[k * S + B] = 0; // the one padding column (Kernels.stride)
    }

    /** True when {@link #gradient} is dL/dz itself (the output activation's derivative is folded in). */
    boolean gradientIsDelta() {
        return this == BCE || this == CE;
    }
}
