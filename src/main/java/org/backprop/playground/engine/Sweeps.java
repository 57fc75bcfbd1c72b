package org.backprop.playground.engine;

/**
 * The dense-layer kernels for small layers (up to 4 inputs and 4 neurons, TF Playground's usual
 * sizes), on the same packed layout as {@link Kernels}: one neuron (or input row) at a time, one
 * pass over the batch's columns, with the bias sum riding along the weight gradient's pass and
 * tanh's derivative along the input gradient's. At these sizes a batch is a chain of short
 * dependent steps (docs/performance.md), and fewer, fuller passes shorten it.
 *
 * <p>Each kernel is written out once per input count (or, for the input gradient, neuron count),
 * small enough for the JIT to inline at its call site: a hand-written 2-4-2-1 trainer ran the
 * backward pass in 7.5 µs an epoch with these kernels inlined and 8.1–8.6 with one general
 * kernel called per layer. The sums are the register blocks' sums in the same order, except the
 * bias gradient, which adds the batch's columns in order where the blocks add even and odd
 * columns apart.
 */
final class Sweeps {
    private Sweeps() {}

    /**
     * Whether a layer this size goes through these kernels rather than the register blocks. W1's
     * training pass (2-4-2-1, batch 10) measured 9.5 µs an epoch with them against 10.0–11.1
     * without; W2's 8-wide layers lost a quarter of their speed with them, so wider layers keep
     * the blocks.
     */
    static boolean fit(int IN, int OUT) {
        return IN <= 4 && OUT <= 4;
    }

    /** As {@link Kernels#linearForward}: z = b + Σ w·x, the bias first and the inputs in order, all S columns. */
    static void linearForward(double[] y, double[] x, double[] p, int wOff, int bOff, int S, int IN, int OUT) {
        switch (IN) {
            case 0 -> {
                for (int o = 0; o < OUT; o++) for (int b = 0; b < S; b++) y[o * S + b] = p[bOff + o];
            } // no Arrays.fill: see Kernels.linearForwardRows
            case 1 -> forward1(y, x, p, wOff, bOff, S, OUT);
            case 2 -> forward2(y, x, p, wOff, bOff, S, OUT);
            case 3 -> forward3(y, x, p, wOff, bOff, S, OUT);
            default -> forward4(y, x, p, wOff, bOff, S, OUT);
        }
    }

    private static void forward1(double[] y, double[] x, double[] p, int wOff, int bOff, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int r = o * S;
            double a0 = p[wOff + o], c = p[bOff + o];
            for (int b = 0; b < S; b++) y[r + b] = Math.fma(a0, x[b], c);
        }
    }

    private static void forward2(double[] y, double[] x, double[] p, int wOff, int bOff, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int r = o * S, w = wOff + 2 * o;
            double a0 = p[w], a1 = p[w + 1], c = p[bOff + o];
            for (int b = 0; b < S; b++) y[r + b] = Math.fma(a1, x[S + b], Math.fma(a0, x[b], c));
        }
    }

    private static void forward3(double[] y, double[] x, double[] p, int wOff, int bOff, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int r = o * S, w = wOff + 3 * o;
            double a0 = p[w], a1 = p[w + 1], a2 = p[w + 2], c = p[bOff + o];
            for (int b = 0; b < S; b++)
                y[r + b] = Math.fma(a2, x[2 * S + b], Math.fma(a1, x[S + b], Math.fma(a0, x[b], c)));
        }
    }

    private static void forward4(double[] y, double[] x, double[] p, int wOff, int bOff, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int r = o * S, w = wOff + 4 * o;
            double a0 = p[w], a1 = p[w + 1], a2 = p[w + 2], a3 = p[w + 3], c = p[bOff + o];
            for (int b = 0; b < S; b++) {
                y[r + b] = Math.fma(
                        a3, x[3 * S + b], Math.fma(a2, x[2 * S + b], Math.fma(a1, x[S + b], Math.fma(a0, x[b], c))));
            }
        }
    }

    /** dw[o][i] += Σ_{b<B} dy[o][b] · x[i][b] and db[o] += Σ_{b<B} dy[o][b], one pass over the batch per neuron. */
    static void weightAndBiasGradient(
            double[] g, double[] dy, double[] x, int wOff, int bOff, int B, int S, int IN, int OUT) {
        switch (IN) {
            case 0 -> biasGradient(g, dy, bOff, B, S, OUT);
            case 1 -> gradient1(g, dy, x, wOff, bOff, B, S, OUT);
            case 2 -> gradient2(g, dy, x, wOff, bOff, B, S, OUT);
            case 3 -> gradient3(g, dy, x, wOff, bOff, B, S, OUT);
            default -> gradient4(g, dy, x, wOff, bOff, B, S, OUT);
        }
    }

    /** A layer without inputs (seed 004's "guess 42"): the bias alone. */
    private static void biasGradient(double[] g, double[] dy, int bOff, int B, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            double db = 0;
            for (int b = 0; b < B; b++) db += dy[o * S + b];
            g[bOff + o] += db;
        }
    }

    private static void gradient1(double[] g, double[] dy, double[] x, int wOff, int bOff, int B, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int d = o * S;
            double s0 = 0, db = 0;
            for (int b = 0; b < B; b++) {
                double a = dy[d + b];
                s0 = Math.fma(a, x[b], s0);
                db += a;
            }
            g[wOff + o] += s0;
            g[bOff + o] += db;
        }
    }

    private static void gradient2(double[] g, double[] dy, double[] x, int wOff, int bOff, int B, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int d = o * S, w = wOff + 2 * o;
            double s0 = 0, s1 = 0, db = 0;
            for (int b = 0; b < B; b++) {
                double a = dy[d + b];
                s0 = Math.fma(a, x[b], s0);
                s1 = Math.fma(a, x[S + b], s1);
                db += a;
            }
            g[w] += s0;
            g[w + 1] += s1;
            g[bOff + o] += db;
        }
    }

    private static void gradient3(double[] g, double[] dy, double[] x, int wOff, int bOff, int B, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int d = o * S, w = wOff + 3 * o;
            double s0 = 0, s1 = 0, s2 = 0, db = 0;
            for (int b = 0; b < B; b++) {
                double a = dy[d + b];
                s0 = Math.fma(a, x[b], s0);
                s1 = Math.fma(a, x[S + b], s1);
                s2 = Math.fma(a, x[2 * S + b], s2);
                db += a;
            }
            g[w] += s0;
            g[w + 1] += s1;
            g[w + 2] += s2;
            g[bOff + o] += db;
        }
    }

    private static void gradient4(double[] g, double[] dy, double[] x, int wOff, int bOff, int B, int S, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int d = o * S, w = wOff + 4 * o;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, db = 0;
            for (int b = 0; b < B; b++) {
                double a = dy[d + b];
                s0 = Math.fma(a, x[b], s0);
                s1 = Math.fma(a, x[S + b], s1);
                s2 = Math.fma(a, x[2 * S + b], s2);
                s3 = Math.fma(a, x[3 * S + b], s3);
                db += a;
            }
            g[w] += s0;
            g[w + 1] += s1;
            g[w + 2] += s2;
            g[w + 3] += s3;
            g[bOff + o] += db;
        }
    }

    /**
     * dx (IN,S) = Wᵀ dy, one input row at a time, all S columns, sums over the neurons in order (as
     * {@link Kernels}' register blocks). Given {@code tanhBelow}, the inputs' values a from a tanh
     * layer, it gives dz = dx · (1 − a²) instead, in the same pass.
     */
    static void inputGradient(
            double[] dx, double[] dy, double[] p, double[] tanhBelow, int wOff, int S, int IN, int OUT) {
        switch (OUT) {
            case 1 -> inputGradient1(dx, dy, p, tanhBelow, wOff, S, IN);
            case 2 -> inputGradient2(dx, dy, p, tanhBelow, wOff, S, IN);
            case 3 -> inputGradient3(dx, dy, p, tanhBelow, wOff, S, IN);
            default -> inputGradient4(dx, dy, p, tanhBelow, wOff, S, IN);
        }
    }

    private static void inputGradient1(double[] dx, double[] dy, double[] p, double[] t, int wOff, int S, int IN) {
        for (int i = 0; i < IN; i++) {
            int r = i * S;
            double a0 = p[wOff + i];
            if (t == null) for (int b = 0; b < S; b++) dx[r + b] = a0 * dy[b];
            else
                for (int b = 0; b < S; b++) {
                    double v = t[r + b];
                    dx[r + b] = a0 * dy[b] * (1 - v * v);
                }
        }
    }

    private static void inputGradient2(double[] dx, double[] dy, double[] p, double[] t, int wOff, int S, int IN) {
        for (int i = 0; i < IN; i++) {
            int r = i * S, w = wOff + i;
            double a0 = p[w], a1 = p[w + IN];
            if (t == null) for (int b = 0; b < S; b++) dx[r + b] = Math.fma(a1, dy[S + b], a0 * dy[b]);
            else
                for (int b = 0; b < S; b++) {
                    double v = t[r + b];
                    dx[r + b] = Math.fma(a1, dy[S + b], a0 * dy[b]) * (1 - v * v);
                }
        }
    }

    private static void inputGradient3(double[] dx, double[] dy, double[] p, double[] t, int wOff, int S, int IN) {
        for (int i = 0; i < IN; i++) {
            int r = i * S, w = wOff + i;
            double a0 = p[w], a1 = p[w + IN], a2 = p[w + 2 * IN];
            if (t == null) {
                for (int b = 0; b < S; b++)
                    dx[r + b] = Math.fma(a2, dy[2 * S + b], Math.fma(a1, dy[S + b], a0 * dy[b]));
            } else {
                for (int b = 0; b < S; b++) {
                    double v = t[r + b];
                    dx[r + b] = Math.fma(a2, dy[2 * S + b], Math.fma(a1, dy[S + b], a0 * dy[b])) * (1 - v * v);
                }
            }
        }
    }

    private static void inputGradient4(double[] dx, double[] dy, double[] p, double[] t, int wOff, int S, int IN) {
        for (int i = 0; i < IN; i++) {
            int r = i * S, w = wOff + i;
            double a0 = p[w], a1 = p[w + IN], a2 = p[w + 2 * IN], a3 = p[w + 3 * IN];
            if (t == null) {
                for (int b = 0; b < S; b++)
                    dx[r + b] = Math.fma(
                            a3, dy[3 * S + b], Math.fma(a2, dy[2 * S + b], Math.fma(a1, dy[S + b], a0 * dy[b])));
            } else {
                for (int b = 0; b < S; b++) {
                    double v = t[r + b];
                    dx[r + b] = Math.fma(
                                    a3, dy[3 * S + b], Math.fma(a2, dy[2 * S + b], Math.fma(a1, dy[S + b], a0 * dy[b])))
                            * (1 - v * v);
                }
            }
        }
    }
}
