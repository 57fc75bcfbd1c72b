package org.backprop.playground.engine;

/**
 * The dense-layer kernels for small layers (up to 4 inputs and 4 neurons, TF Playground's usual
 * sizes), on the same packed layout as {@link Kernels}: one neuron (or input row) at a time, one
 * pass over the batch's columns per four inputs (or neurons), with the bias sum riding along the
 * weight gradient's first pass and tanh's derivative along the input gradient's last. At these
 * sizes a batch is a chain of short dependent steps (docs/performance.md), and fewer, fuller
 * passes shorten it. The sums are the register blocks' sums in the same order, except the bias
 * gradient, which adds the batch's columns in order where the blocks add even and odd columns apart.
 */
final class Sweeps {
    private Sweeps() {}

    /**
     * Whether a layer this size goes through these kernels rather than the register blocks. W1's
     * training pass (2-4-2-1, batch 10) measured 9.5 µs an epoch with them against 10.0–11.1
     * without; W2's 8-wide layers lost a quarter of their speed with them (two passes per row
     * where a 4 × 4 block needs one), so wider layers keep the blocks.
     */
    static boolean fit(int IN, int OUT) {
        return IN <= 4 && OUT <= 4;
    }

    /** As {@link Kernels#linearForward}, one neuron at a time: a sweep over the batch per four inputs, the first from the bias. */
    static void linearForward(double[] y, double[] x, double[] p, int wOff, int bOff, int S, int IN, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int r = o * S, w = wOff + o * IN;
            double c = p[bOff + o];
            int i;
            if (IN >= 4) {
                double a0 = p[w], a1 = p[w + 1], a2 = p[w + 2], a3 = p[w + 3];
                for (int b = 0; b < S; b++) y[r + b] = Math.fma(a3, x[3 * S + b], Math.fma(a2, x[2 * S + b], Math.fma(a1, x[S + b], Math.fma(a0, x[b], c))));
                i = 4;
            } else if (IN >= 2) {
                double a0 = p[w], a1 = p[w + 1];
                for (int b = 0; b < S; b++) y[r + b] = Math.fma(a1, x[S + b], Math.fma(a0, x[b], c));
                i = 2;
            } else if (IN == 1) {
                double a0 = p[w];
                for (int b = 0; b < S; b++) y[r + b] = Math.fma(a0, x[b], c);
                i = 1;
            } else {
                java.util.Arrays.fill(y, r, r + S, c);
                i = 0;
            }
            for (; i + 3 < IN; i += 4) {
                double a0 = p[w + i], a1 = p[w + i + 1], a2 = p[w + i + 2], a3 = p[w + i + 3];
                int x0 = i * S, x1 = x0 + S, x2 = x1 + S, x3 = x2 + S;
                for (int b = 0; b < S; b++) y[r + b] = Math.fma(a3, x[x3 + b], Math.fma(a2, x[x2 + b], Math.fma(a1, x[x1 + b], Math.fma(a0, x[x0 + b], y[r + b]))));
            }
            for (; i + 1 < IN; i += 2) {
                double a0 = p[w + i], a1 = p[w + i + 1];
                int x0 = i * S, x1 = x0 + S;
                for (int b = 0; b < S; b++) y[r + b] = Math.fma(a1, x[x1 + b], Math.fma(a0, x[x0 + b], y[r + b]));
            }
            if (i < IN) {
                double a0 = p[w + i];
                int x0 = i * S;
                for (int b = 0; b < S; b++) y[r + b] = Math.fma(a0, x[x0 + b], y[r + b]);
            }
        }
    }

    /**
     * dx (IN,S) = Wᵀ dy, one input row at a time, a sweep over the columns per four neurons (sums
     * over o in order, as {@link Kernels}' register blocks). Given {@code tanhBelow}, the inputs'
     * values a from a tanh layer, it gives dz = dx · (1 − a²) instead, in the row's last sweep.
     */
    static void inputGradient(double[] dx, double[] dy, double[] p, double[] tanhBelow, int wOff, int S, int IN, int OUT) {
        for (int i = 0; i < IN; i++) {
            int r = i * S, w = wOff + i;
            int o;
            if (OUT >= 4) {
                double a0 = p[w], a1 = p[w + IN], a2 = p[w + 2 * IN], a3 = p[w + 3 * IN];
                if (OUT == 4 && tanhBelow != null) {
                    for (int b = 0; b < S; b++) {
                        double v = tanhBelow[r + b];
                        dx[r + b] = Math.fma(a3, dy[3 * S + b], Math.fma(a2, dy[2 * S + b], Math.fma(a1, dy[S + b], a0 * dy[b]))) * (1 - v * v);
                    }
                    continue;
                }
                for (int b = 0; b < S; b++) dx[r + b] = Math.fma(a3, dy[3 * S + b], Math.fma(a2, dy[2 * S + b], Math.fma(a1, dy[S + b], a0 * dy[b])));
                o = 4;
            } else if (OUT >= 2) {
                double a0 = p[w], a1 = p[w + IN];
                if (OUT == 2 && tanhBelow != null) {
                    for (int b = 0; b < S; b++) {
                        double v = tanhBelow[r + b];
                        dx[r + b] = Math.fma(a1, dy[S + b], a0 * dy[b]) * (1 - v * v);
                    }
                    continue;
                }
                for (int b = 0; b < S; b++) dx[r + b] = Math.fma(a1, dy[S + b], a0 * dy[b]);
                o = 2;
            } else {
                double a0 = p[w];
                if (tanhBelow != null) {
                    for (int b = 0; b < S; b++) {
                        double v = tanhBelow[r + b];
                        dx[r + b] = a0 * dy[b] * (1 - v * v);
                    }
                    continue;
                }
                for (int b = 0; b < S; b++) dx[r + b] = a0 * dy[b];
                o = 1;
            }
            for (; o + 3 < OUT; o += 4) {
                double a0 = p[w + o * IN], a1 = p[w + (o + 1) * IN], a2 = p[w + (o + 2) * IN], a3 = p[w + (o + 3) * IN];
                int d0 = o * S, d1 = d0 + S, d2 = d1 + S, d3 = d2 + S;
                for (int b = 0; b < S; b++) dx[r + b] = Math.fma(a3, dy[d3 + b], Math.fma(a2, dy[d2 + b], Math.fma(a1, dy[d1 + b], Math.fma(a0, dy[d0 + b], dx[r + b]))));
            }
            for (; o + 1 < OUT; o += 2) {
                double a0 = p[w + o * IN], a1 = p[w + (o + 1) * IN];
                int d0 = o * S, d1 = d0 + S;
                for (int b = 0; b < S; b++) dx[r + b] = Math.fma(a1, dy[d1 + b], Math.fma(a0, dy[d0 + b], dx[r + b]));
            }
            if (o < OUT) {
                double a0 = p[w + o * IN];
                int d0 = o * S;
                for (int b = 0; b < S; b++) dx[r + b] = Math.fma(a0, dy[d0 + b], dx[r + b]);
            }
            if (tanhBelow != null) for (int b = 0; b < S; b++) { double v = tanhBelow[r + b]; dx[r + b] *= 1 - v * v; }
        }
    }

    /**
     * dw[o][i] += Σ_{b<B} dy[o][b] · x[i][b] and db[o] += Σ_{b<B} dy[o][b], one neuron at a time,
     * four inputs per pass over the batch; the bias sum rides along the neuron's first pass.
     */
    static void weightAndBiasGradient(double[] g, double[] dy, double[] x, int wOff, int bOff, int B, int S, int IN, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int d = o * S, w = wOff + o * IN;
            double db = 0;
            int i;
            if (IN >= 4) {
                int x1 = S, x2 = 2 * S, x3 = 3 * S;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int b = 0; b < B; b++) {
                    double a = dy[d + b];
                    s0 = Math.fma(a, x[b], s0); s1 = Math.fma(a, x[x1 + b], s1); s2 = Math.fma(a, x[x2 + b], s2); s3 = Math.fma(a, x[x3 + b], s3);
                    db += a;
                }
                g[w] += s0; g[w + 1] += s1; g[w + 2] += s2; g[w + 3] += s3;
                i = 4;
            } else if (IN >= 2) {
                double s0 = 0, s1 = 0;
                for (int b = 0; b < B; b++) {
                    double a = dy[d + b];
                    s0 = Math.fma(a, x[b], s0); s1 = Math.fma(a, x[S + b], s1);
                    db += a;
                }
                g[w] += s0; g[w + 1] += s1;
                i = 2;
            } else if (IN == 1) {
                double s0 = 0;
                for (int b = 0; b < B; b++) {
                    double a = dy[d + b];
                    s0 = Math.fma(a, x[b], s0);
                    db += a;
                }
                g[w] += s0;
                i = 1;
            } else { // no inputs: a bias alone (seed 004's "guess 42")
                for (int b = 0; b < B; b++) db += dy[d + b];
                i = 0;
            }
            g[bOff + o] += db;
            for (; i + 3 < IN; i += 4) {
                int x0 = i * S, x1 = x0 + S, x2 = x1 + S, x3 = x2 + S;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int b = 0; b < B; b++) {
                    double a = dy[d + b];
                    s0 = Math.fma(a, x[x0 + b], s0); s1 = Math.fma(a, x[x1 + b], s1); s2 = Math.fma(a, x[x2 + b], s2); s3 = Math.fma(a, x[x3 + b], s3);
                }
                g[w + i] += s0; g[w + i + 1] += s1; g[w + i + 2] += s2; g[w + i + 3] += s3;
            }
            for (; i + 1 < IN; i += 2) {
                int x0 = i * S, x1 = x0 + S;
                double s0 = 0, s1 = 0;
                for (int b = 0; b < B; b++) {
                    double a = dy[d + b];
                    s0 = Math.fma(a, x[x0 + b], s0); s1 = Math.fma(a, x[x1 + b], s1);
                }
                g[w + i] += s0; g[w + i + 1] += s1;
            }
            if (i < IN) {
                int x0 = i * S;
                double s0 = 0;
                for (int b = 0; b < B; b++) s0 = Math.fma(dy[d + b], x[x0 + b], s0);
                g[w + i] += s0;
            }
        }
    }
}
