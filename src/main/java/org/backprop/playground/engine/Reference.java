package org.backprop.playground.engine;

/**
 * The engine's arithmetic written the way the tutorials write it: one sample at a time, plain
 * loops, no packing, no vectors, no blocks. Read this to learn what the engine computes; the fast
 * classes ({@link Pass}, {@link Kernels}, {@link VectorMath}, {@link FastMath}, {@link Trainer}) compute
 * the same and say only what they do differently and why. {@code ReferenceTest} holds them together:
 * one pass to 1e-12, twenty epochs of every activation, loss, optimizer and penalty to 1e-12 (the
 * fast path sums a batch's gradients before adding them, and its tanh is within a few ulps of
 * StrictMath's, so the last bits differ).
 *
 * <p>Notation, as in the tutorials: layer l takes a⁽ˡ⁻¹⁾ (the inputs x for l = 0) to
 * z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = f(z⁽ˡ⁾); δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾; ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ, ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾.
 * Parameters live in one array, each layer's W (row o, column i at o·IN + i) then its b ({@link Layout}).
 */
public final class Reference {
    private Reference() {}

    // ---- one sample forward ---------------------------------------------------------------

    /** z and a of every layer for one sample; a[L − 1] is the network's output. */
    public record Forward(double[][] z, double[][] a) {
        public double[] output() {
            return a[a.length - 1];
        }
    }

    public static Forward forward(Network net, double[] x) {
        Layout layout = net.layout;
        int L = layout.layers();
        double[][] z = new double[L][], a = new double[L][];
        double[] in = x;
        for (int l = 0; l < L; l++) {
            int IN = layout.in(l), OUT = layout.out(l);
            z[l] = new double[OUT];
            for (int o = 0; o < OUT; o++) {
                double s = net.bias(l, o);
                for (int i = 0; i < IN; i++) s += net.weight(l, o, i) * in[i];
                z[l][o] = s;
            }
            a[l] = activate(net.activation(l), z[l]);
            in = a[l];
        }
        return new Forward(z, a);
    }

    /** f(z) for a layer: elementwise, except softmax, which normalizes over the layer. */
    public static double[] activate(Activation f, double[] z) {
        double[] a = new double[z.length];
        if (f == Activation.SOFTMAX) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (double v : z) max = Math.max(max, v); // e^(z − max): the same ratios, no overflow
            for (int k = 0; k < z.length; k++) sum += a[k] = StrictMath.exp(z[k] - max);
            for (int k = 0; k < z.length; k++) a[k] /= sum;
            return a;
        }
        for (int k = 0; k < z.length; k++) {
            a[k] = switch (f) {
                case LINEAR -> z[k];
                case TANH -> StrictMath.tanh(z[k]);
                case SIGMOID -> 1 / (1 + StrictMath.exp(-z[k]));
                case RELU -> Math.max(0, z[k]);
                case LEAKY_RELU -> z[k] > 0 ? z[k] : Activation.LEAKY_SLOPE * z[k];
                case SOFTMAX -> throw new AssertionError();
            };
        }
        return a;
    }

    /** f'(z), from z or from a = f(z) where that is exact (tanh' = 1 − a², σ' = a(1 − a)); TF counts relu's kink as flat. */
    public static double derivative(Activation f, double z, double a) {
        return switch (f) {
            case LINEAR -> 1;
            case TANH -> 1 - a * a;
            case SIGMOID -> a * (1 - a);
            case RELU -> z <= 0 ? 0 : 1;
            case LEAKY_RELU -> z > 0 ? 1 : Activation.LEAKY_SLOPE;
            case SOFTMAX -> throw new IllegalArgumentException("softmax's δ comes with cross-entropy");
        };
    }

    // ---- the loss and the first δ ----------------------------------------------------------

    /** One sample's loss: output o = f(z) against the target t. */
    public static double loss(Loss loss, double[] z, double[] o, double[] t) {
        int K = o.length;
        double sum = 0;
        switch (loss) {
            case SQUARE -> {
                for (int k = 0; k < K; k++) sum += 0.5 * ((o[k] - t[k]) * (o[k] - t[k]));
            } // ½(o − t)², TF's
            case MSE -> {
                for (int k = 0; k < K; k++) sum += (o[k] - t[k]) * (o[k] - t[k]);
                sum /= K;
            }
            case BCE -> {
                // −[t log σ(z) + (1 − t) log(1 − σ(z))], written from z so it stays finite where σ(z) rounds to 0 or 1
                for (int k = 0; k < K; k++)
                    sum += Math.max(z[k], 0) - z[k] * t[k] + StrictMath.log1p(StrictMath.exp(-Math.abs(z[k])));
            }
            case CE -> {
                // −Σ t log softmax(z) = −Σ t (z − log Σ e^z), the log-sum-exp taken at its max
                double max = Double.NEGATIVE_INFINITY, s = 0;
                for (double v : z) max = Math.max(max, v);
                for (double v : z) s += StrictMath.exp(v - max);
                double logSumExp = max + StrictMath.log(s);
                for (int k = 0; k < K; k++) sum -= t[k] * (z[k] - logSumExp);
            }
        }
        return sum;
    }

    /** δ of the output layer, ∂L/∂z: (∂L/∂o)·f'(z) for square and mse; o − t for sigmoid + bce and softmax + ce. */
    public static double[] outputDelta(Network net, Forward f, double[] t) {
        int last = net.layout.layers() - 1;
        double[] z = f.z()[last], o = f.a()[last], delta = new double[o.length];
        for (int k = 0; k < o.length; k++) {
            delta[k] = switch (net.loss) {
                case SQUARE -> (o[k] - t[k]) * derivative(net.activation(last), z[k], o[k]);
                case MSE -> 2.0 / o.length * (o[k] - t[k]) * derivative(net.activation(last), z[k], o[k]);
                case BCE, CE -> o[k] - t[k];
            };
        }
        return delta;
    }

    // ---- one sample backward ---------------------------------------------------------------

    /** Adds this sample's ∂L/∂θ into {@code grads}; returns δ of every layer. */
    public static double[][] backward(Network net, double[] x, Forward f, double[] t, double[] grads) {
        Layout layout = net.layout;
        int L = layout.layers();
        double[][] delta = new double[L][];
        delta[L - 1] = outputDelta(net, f, t);
        for (int l = L - 1; l >= 0; l--) {
            int IN = layout.in(l), OUT = layout.out(l);
            double[] below = l == 0 ? x : f.a()[l - 1];
            for (int o = 0; o < OUT; o++) {
                for (int i = 0; i < IN; i++)
                    grads[layout.weightOffset(l) + o * IN + i] += delta[l][o] * below[i]; // δ aᵀ
                grads[layout.biasOffset(l) + o] += delta[l][o];
            }
            if (l == 0) break;
            // δ⁽ˡ⁻¹⁾ = (W⁽ˡ⁾ᵀ δ⁽ˡ⁾) ⊙ f'(z⁽ˡ⁻¹⁾)
            delta[l - 1] = new double[IN];
            for (int i = 0; i < IN; i++) {
                double s = 0;
                for (int o = 0; o < OUT; o++) s += net.weight(l, o, i) * delta[l][o];
                delta[l - 1][i] = s * derivative(net.activation(l - 1), f.z()[l - 1][i], f.a()[l - 1][i]);
            }
        }
        return delta;
    }

    // ---- training ---------------------------------------------------------------------------

    /**
     * Training as TF Playground does it: every sample's gradient is added up, and after sample i of
     * an epoch with (i + 1) % batchSize == 0 one update is made from the mean of what was added. A
     * set that batchSize does not divide leaves its last samples added up: they join the next
     * epoch's first update (the mean then counts them too).
     */
    public static final class Training {
        private final Network net;
        private final Hyperparameters hyper;
        private final double[] grads;
        private int added;
        /** Optimizer state, one value per parameter: momentum's velocity, Adam's m and v, RMSprop's s. */
        private final double[] velocity, m, v, s;

        private int steps;
        /** Weights L1 pushed across zero: pinned at 0 from then on, as TF Playground pins them. */
        private final boolean[] frozen;

        public Training(Network net, Hyperparameters hyper) {
            this.net = net;
            this.hyper = hyper;
            int P = net.layout.numParams();
            grads = new double[P];
            velocity = new double[P];
            m = new double[P];
            v = new double[P];
            s = new double[P];
            frozen = new boolean[P];
        }

        public void epoch(double[][] x, double[][] t) {
            for (int i = 0; i < x.length; i++) {
                backward(net, x[i], forward(net, x[i]), t[i], grads);
                added++;
                if ((i + 1) % hyper.batchSize() == 0) update();
            }
        }

        /** Mean loss over the rows (no penalty term), as the page reports it. */
        public double meanLoss(double[][] x, double[][] t) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                Forward f = forward(net, x[i]);
                sum += loss(net.loss, f.z()[f.z().length - 1], f.output(), t[i]);
            }
            return sum / x.length;
        }

        private void update() {
            double lr = hyper.learningRate(), rate = hyper.regularizationRate();
            Regularization reg = hyper.regularization();
            double[] p = net.params;
            // the penalty's slope is taken at the weights before this update (TF's order); biases are never penalized
            double[] slope = new double[p.length];
            for (int i = 0; i < p.length; i++) if (!net.layout.isBias(i)) slope[i] = reg.derivative(p[i]);
            for (int i = 0; i < p.length; i++) {
                if (!frozen[i]) p[i] = step(i, grads[i] / added, lr);
            }
            steps++;
            if (reg != Regularization.NONE && rate != 0) {
                for (int i = 0; i < p.length; i++) {
                    if (net.layout.isBias(i) || frozen[i]) continue;
                    double next = p[i] - lr * rate * slope[i];
                    if (reg == Regularization.L1
                            && p[i] * next < 0) { // L1 crossed zero: the weight is cut and stays cut
                        p[i] = 0;
                        frozen[i] = true;
                    } else {
                        p[i] = next;
                    }
                }
            }
            java.util.Arrays.fill(grads, 0);
            added = 0;
        }

        /** Parameter i after one optimizer step on the mean gradient g. */
        private double step(int i, double g, double lr) {
            double w = net.params[i];
            switch (hyper.optimizer()) {
                case SGD -> {
                    return w - lr / added * grads[i];
                } // TF's rounding: (lr / n)·Σg, not lr·(Σg / n)
                case MOMENTUM -> { // v ← 0.9v + g, w ← w − lr·v
                    velocity[i] = 0.9 * velocity[i] + g;
                    return w - lr * velocity[i];
                }
                case ADAM -> { // bias-corrected moments, ε outside the root: w ← w − lr·m̂ / (√v̂ + ε)
                    int t = steps + 1;
                    m[i] = 0.9 * m[i] + (1 - 0.9) * g;
                    v[i] = 0.999 * v[i] + (1 - 0.999) * g * g;
                    return w
                            - lr
                                    * (m[i] / (1 - Math.pow(0.9, t)))
                                    / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8);
                }
                case RMSPROP -> { // s ← 0.9s + 0.1g², w ← w − lr·g / (√s + ε)
                    s[i] = 0.9 * s[i] + (1 - 0.9) * g * g;
                    return w - lr * g / (Math.sqrt(s[i]) + 1e-8);
                }
            }
            throw new AssertionError(hyper.optimizer());
        }
    }
}
