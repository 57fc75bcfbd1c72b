package org.backprop.playground.engine;

/**
 * The dense-layer kernels, llm.c style (outputs first, sizes last), on packed feature-major
 * activations: a layer's values for a batch are one array, row i (input or neuron i) at
 * [i·S, i·S + S), where the stride S is the batch rounded up to even. A column past the batch is
 * padding: the forward kernel and the input gradient compute it (every column only ever depends on
 * its own column, so it never touches a real sample), the weight gradient stops at the batch.
 *
 * <p><b>The multiply-add rule</b>, for every kernel of the fast path ({@link VectorMath} and
 * these): a sum of products is a chain of {@code Math.fma}, one per
 * product, in {@link Reference}'s order. z starts from the bias and adds the inputs in order; dW
 * starts from 0 and adds the batch's samples in order; dx starts from 0 and adds the neurons in
 * order; db adds the samples in order. So a kernel's blocks, tails, vector lanes and scalar loops
 * all give the same bits, whichever of them computes a value (MultiplyAddRuleTest holds it, by
 * equality).
 *
 * <p>With the Vector API the forward pass and the input gradient go through {@link VectorMath}:
 * C2 does not vectorize these loops itself, since it cannot tell that the arrays they read and
 * write are distinct. The plain loops here are for a JVM without it, and strides shorter than a
 * vector. The weight gradient sums over the batch, so it stays scalar: lanes along the batch would
 * change its order.
 */
final class Kernels {
    private Kernels() {}

    /** The packed stride for a batch of B samples: B rounded up to even (the kernels go two columns at a time). */
    static int stride(int B) {
        return (B + 1) & ~1;
    }

    /** x (IN,S), w (OUT,IN) at p[wOff], b (OUT) at p[bOff] -> y (OUT,S), all S columns. */
    static void linearForward(double[] y, double[] x, double[] p, int wOff, int bOff, int S, int IN, int OUT) {
        int from = FastMath.VECTORIZED ? VectorMath.linearForward(y, x, p, wOff, bOff, S, IN, OUT) : 0;
        if (from < S) linearForward(y, x, p, wOff, bOff, S, IN, OUT, from);
    }

    /** z = b + Σ w·x for the columns [from, S), two at a time. */
    private static void linearForward(
            double[] y, double[] x, double[] p, int wOff, int bOff, int S, int IN, int OUT, int from) {
        for (int o = 0; o < OUT; o++) {
            int w = wOff + o * IN, r = o * S;
            double c = p[bOff + o];
            for (int b = from; b < S; b += 2) { // from is 0 or S, and S is even
                double s0 = c, s1 = c;
                for (int i = 0, xi = b; i < IN; i++, xi += S) {
                    s0 = Math.fma(p[w + i], x[xi], s0);
                    s1 = Math.fma(p[w + i], x[xi + 1], s1);
                }
                y[r + b] = s0;
                y[r + b + 1] = s1;
            }
        }
    }

    /**
     * As {@link #linearForward}, for long rows (evaluation's chunks): x and y as one array per
     * row, each output row swept once per four inputs. Every array is indexed by the same b, which
     * is what lets C2 vectorize the sweep without the Vector API; a sweep over one packed array at
     * two offsets stays scalar (docs/performance.md).
     */
    static void linearForwardRows(double[][] y, double[][] x, double[] p, int wOff, int bOff, int S, int IN, int OUT) {
        for (int o = 0; o < OUT; o++) {
            double[] yo = y[o];
            int w = wOff + o * IN;
            double c = p[bOff + o];
            int i;
            // the first sweep starts from the bias: no Arrays.fill, whose one shared loop training's
            // empty fills would otherwise have profiled first (see FastMath on loops and profiles)
            if (IN >= 4) {
                double a0 = p[w], a1 = p[w + 1], a2 = p[w + 2], a3 = p[w + 3];
                double[] x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3];
                for (int b = 0; b < S; b++)
                    yo[b] = Math.fma(a3, x3[b], Math.fma(a2, x2[b], Math.fma(a1, x1[b], Math.fma(a0, x0[b], c))));
                i = 4;
            } else if (IN >= 2) {
                double a0 = p[w], a1 = p[w + 1];
                double[] x0 = x[0], x1 = x[1];
                for (int b = 0; b < S; b++) yo[b] = Math.fma(a1, x1[b], Math.fma(a0, x0[b], c));
                i = 2;
            } else if (IN == 1) {
                double a0 = p[w];
                double[] x0 = x[0];
                for (int b = 0; b < S; b++) yo[b] = Math.fma(a0, x0[b], c);
                i = 1;
            } else {
                for (int b = 0; b < S; b++) yo[b] = c;
                i = 0;
            }
            for (; i + 3 < IN; i += 4) {
                double a0 = p[w + i], a1 = p[w + i + 1], a2 = p[w + i + 2], a3 = p[w + i + 3];
                double[] x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
                for (int b = 0; b < S; b++)
                    yo[b] = Math.fma(a3, x3[b], Math.fma(a2, x2[b], Math.fma(a1, x1[b], Math.fma(a0, x0[b], yo[b]))));
            }
            for (; i + 1 < IN; i += 2) {
                double a0 = p[w + i], a1 = p[w + i + 1];
                double[] x0 = x[i], x1 = x[i + 1];
                for (int b = 0; b < S; b++) yo[b] = Math.fma(a1, x1[b], Math.fma(a0, x0[b], yo[b]));
            }
            if (i < IN) {
                double a0 = p[w + i];
                double[] x0 = x[i];
                for (int b = 0; b < S; b++) yo[b] = Math.fma(a0, x0[b], yo[b]);
            }
        }
    }

    /**
     * A bound on neuron o's |z| = |b + Σ w·x|: |b| + Σ |w_i| · bound_i, where bound_i bounds |x_i|
     * (inputBound[i], or sameBound for every input when inputBound is null). An unknown input
     * bound (∞) makes the result ∞ or NaN, which callers read as "no bound".
     */
    static double zBound(double[] p, int wOff, int bOff, int IN, int o, double[] inputBound, double sameBound) {
        double sum = Math.abs(p[bOff + o]);
        int w = wOff + o * IN;
        for (int i = 0; i < IN; i++) sum += Math.abs(p[w + i]) * (inputBound == null ? sameBound : inputBound[i]);
        return sum;
    }

    /**
     * dy (OUT,S) = dL/dz, x (IN,S) -> dw (OUT,IN) at g[wOff] += Σ_b dy·x and db (OUT) at g[bOff] += Σ_b dy,
     * over the batch's B real columns. One neuron at a time, one pass over the batch per four
     * inputs; the last one to four inputs and the bias share a pass, so a layer of up to four
     * inputs (W1's) takes one pass per neuron.
     */
    static void weightGradient(double[] g, double[] dy, double[] x, int wOff, int bOff, int B, int S, int IN, int OUT) {
        int quads = IN == 0 ? 0 : (IN - 1) / 4 * 4;
        for (int o = 0; o < OUT; o++) {
            int d = o * S, w = wOff + o * IN;
            for (int i = 0; i < quads; i += 4) {
                int x0 = i * S, x1 = x0 + S, x2 = x1 + S, x3 = x2 + S;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int b = 0; b < B; b++) {
                    double a = dy[d + b];
                    s0 = Math.fma(a, x[x0 + b], s0);
                    s1 = Math.fma(a, x[x1 + b], s1);
                    s2 = Math.fma(a, x[x2 + b], s2);
                    s3 = Math.fma(a, x[x3 + b], s3);
                }
                g[w + i] += s0;
                g[w + i + 1] += s1;
                g[w + i + 2] += s2;
                g[w + i + 3] += s3;
            }
            int x0 = quads * S, x1 = x0 + S, x2 = x1 + S, x3 = x2 + S, v = w + quads;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, db = 0;
            switch (IN - quads) {
                case 0 -> { // a layer without inputs (seed 004's "guess 42"): the bias alone
                    for (int b = 0; b < B; b++) db += dy[d + b];
                }
                case 1 -> {
                    for (int b = 0; b < B; b++) {
                        double a = dy[d + b];
                        s0 = Math.fma(a, x[x0 + b], s0);
                        db += a;
                    }
                    g[v] += s0;
                }
                case 2 -> {
                    for (int b = 0; b < B; b++) {
                        double a = dy[d + b];
                        s0 = Math.fma(a, x[x0 + b], s0);
                        s1 = Math.fma(a, x[x1 + b], s1);
                        db += a;
                    }
                    g[v] += s0;
                    g[v + 1] += s1;
                }
                case 3 -> {
                    for (int b = 0; b < B; b++) {
                        double a = dy[d + b];
                        s0 = Math.fma(a, x[x0 + b], s0);
                        s1 = Math.fma(a, x[x1 + b], s1);
                        s2 = Math.fma(a, x[x2 + b], s2);
                        db += a;
                    }
                    g[v] += s0;
                    g[v + 1] += s1;
                    g[v + 2] += s2;
                }
                default -> {
                    for (int b = 0; b < B; b++) {
                        double a = dy[d + b];
                        s0 = Math.fma(a, x[x0 + b], s0);
                        s1 = Math.fma(a, x[x1 + b], s1);
                        s2 = Math.fma(a, x[x2 + b], s2);
                        s3 = Math.fma(a, x[x3 + b], s3);
                        db += a;
                    }
                    g[v] += s0;
                    g[v + 1] += s1;
                    g[v + 2] += s2;
                    g[v + 3] += s3;
                }
            }
            g[bOff + o] += db;
        }
    }

    /**
     * dy (OUT,S) -> dx (IN,S) = Wᵀ dy, overwritten, all S columns. Given {@code tanhBelow}, the
     * inputs' values a from a tanh layer, it gives dz = dx · (1 − a²) instead, in the same pass.
     */
    static void inputGradient(
            double[] dx, double[] dy, double[] p, double[] tanhBelow, int wOff, int S, int IN, int OUT) {
        int from = FastMath.VECTORIZED ? VectorMath.inputGradient(dx, dy, p, tanhBelow, wOff, S, IN, OUT) : 0;
        for (int i = 0; i < IN; i++) {
            int r = i * S;
            for (int b = from; b < S; b += 2) { // from is 0 or S, and S is even
                double s0 = 0, s1 = 0;
                for (int o = 0, w = wOff + i, d = b; o < OUT; o++, w += IN, d += S) {
                    s0 = Math.fma(p[w], dy[d], s0);
                    s1 = Math.fma(p[w], dy[d + 1], s1);
                }
                if (tanhBelow != null) {
                    s0 *= 1 - tanhBelow[r + b] * tanhBelow[r + b];
                    s1 *= 1 - tanhBelow[r + b + 1] * tanhBelow[r + b + 1];
                }
                dx[r + b] = s0;
                dx[r + b + 1] = s1;
            }
        }
    }
}
