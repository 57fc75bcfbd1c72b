package org.backprop.playground.engine;

/**
 * The dense-layer kernels, llm.c style (outputs first, sizes last), on feature-major activations:
 * x[i] holds input i for the B samples of a batch. Each is a small matrix product computed in
 * 4 × 4 register blocks: sixteen independent sums per pass over the shared dimension instead of
 * one loop per row pair, because at playground sizes (8 × 8 layers, batches of 10) loop overhead,
 * not arithmetic, was the cost. Forward sums keep TF Playground's order (bias, then inputs in order).
 */
final class Kernels {
    private Kernels() {}

    /** From this many samples on, one axpy per weight (vectorized by the JIT) beats register blocks. */
    private static final int WIDE_BATCH = 32;

    /** x[IN][B], w (OUT,IN) at p[wOff], b (OUT) at p[bOff] -> out[OUT][B] */
    static void linearForward(double[][] out, double[][] x, double[] p, int wOff, int bOff, int B, int IN, int OUT) {
        if (B >= WIDE_BATCH) {
            forwardRows(out, x, p, wOff, bOff, B, IN, 0, OUT);
            return;
        }
        int o = 0;
        for (; o + 3 < OUT; o += 4) {
            int w0 = wOff + o * IN, w1 = w0 + IN, w2 = w1 + IN, w3 = w2 + IN;
            double[] y0 = out[o], y1 = out[o + 1], y2 = out[o + 2], y3 = out[o + 3];
            int b = 0;
            for (; b + 3 < B; b += 4) {
                double s00 = p[bOff + o], s01 = s00, s02 = s00, s03 = s00;
                double s10 = p[bOff + o + 1], s11 = s10, s12 = s10, s13 = s10;
                double s20 = p[bOff + o + 2], s21 = s20, s22 = s20, s23 = s20;
                double s30 = p[bOff + o + 3], s31 = s30, s32 = s30, s33 = s30;
                for (int i = 0; i < IN; i++) {
                    double[] xi = x[i];
                    double x0 = xi[b], x1 = xi[b + 1], x2 = xi[b + 2], x3 = xi[b + 3];
                    double a0 = p[w0 + i], a1 = p[w1 + i], a2 = p[w2 + i], a3 = p[w3 + i];
                    s00 += a0 * x0; s01 += a0 * x1; s02 += a0 * x2; s03 += a0 * x3;
                    s10 += a1 * x0; s11 += a1 * x1; s12 += a1 * x2; s13 += a1 * x3;
                    s20 += a2 * x0; s21 += a2 * x1; s22 += a2 * x2; s23 += a2 * x3;
                    s30 += a3 * x0; s31 += a3 * x1; s32 += a3 * x2; s33 += a3 * x3;
                }
                y0[b] = s00; y0[b + 1] = s01; y0[b + 2] = s02; y0[b + 3] = s03;
                y1[b] = s10; y1[b + 1] = s11; y1[b + 2] = s12; y1[b + 3] = s13;
                y2[b] = s20; y2[b + 1] = s21; y2[b + 2] = s22; y2[b + 3] = s23;
                y3[b] = s30; y3[b + 1] = s31; y3[b + 2] = s32; y3[b + 3] = s33;
            }
            for (; b < B; b++) {
                double s0 = p[bOff + o], s1 = p[bOff + o + 1], s2 = p[bOff + o + 2], s3 = p[bOff + o + 3];
                for (int i = 0; i < IN; i++) {
                    double xb = x[i][b];
                    s0 += p[w0 + i] * xb; s1 += p[w1 + i] * xb; s2 += p[w2 + i] * xb; s3 += p[w3 + i] * xb;
                }
                y0[b] = s0; y1[b] = s1; y2[b] = s2; y3[b] = s3;
            }
        }
        forwardRows(out, x, p, wOff, bOff, B, IN, o, OUT);
    }

    /** Output rows [from, OUT) of {@link #linearForward}, one axpy per weight. */
    private static void forwardRows(double[][] out, double[][] x, double[] p, int wOff, int bOff, int B, int IN,
                                    int from, int OUT) {
        for (int o = from; o < OUT; o++) {
            double[] y = out[o];
            java.util.Arrays.fill(y, 0, B, p[bOff + o]);
            int w = wOff + o * IN;
            for (int i = 0; i < IN; i++) axpy(y, x[i], p[w + i], B);
        }
    }

    /**
     * dy[OUT][B] = dL/dz, x[IN][B] -> dw (OUT,IN) at g[wOff] and db at g[bOff], accumulated;
     * dx[IN][B] = Wᵀ dy overwritten when dx is not null.
     */
    static void linearBackward(double[][] dx, double[] g, double[][] dy, double[][] x, double[] p,
                               int wOff, int bOff, int B, int IN, int OUT) {
        for (int o = 0; o < OUT; o++) g[bOff + o] += sum(dy[o], B);
        weightGradient(g, dy, x, wOff, B, IN, OUT);
        if (dx != null) inputGradient(dx, dy, p, wOff, B, IN, OUT);
    }

    /** dw[o][i] += Σ_b dy[o][b] · x[i][b], in 4 × 4 blocks of (o, i). */
    private static void weightGradient(double[] g, double[][] dy, double[][] x, int wOff, int B, int IN, int OUT) {
        int o = 0;
        for (; o + 3 < OUT; o += 4) {
            double[] d0 = dy[o], d1 = dy[o + 1], d2 = dy[o + 2], d3 = dy[o + 3];
            int w0 = wOff + o * IN, w1 = w0 + IN, w2 = w1 + IN, w3 = w2 + IN;
            int i = 0;
            for (; i + 3 < IN; i += 4) {
                double[] x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                for (int b = 0; b < B; b++) {
                    double a0 = d0[b], a1 = d1[b], a2 = d2[b], a3 = d3[b];
                    double c0 = x0[b], c1 = x1[b], c2 = x2[b], c3 = x3[b];
                    s00 += a0 * c0; s01 += a0 * c1; s02 += a0 * c2; s03 += a0 * c3;
                    s10 += a1 * c0; s11 += a1 * c1; s12 += a1 * c2; s13 += a1 * c3;
                    s20 += a2 * c0; s21 += a2 * c1; s22 += a2 * c2; s23 += a2 * c3;
                    s30 += a3 * c0; s31 += a3 * c1; s32 += a3 * c2; s33 += a3 * c3;
                }
                g[w0 + i] += s00; g[w0 + i + 1] += s01; g[w0 + i + 2] += s02; g[w0 + i + 3] += s03;
                g[w1 + i] += s10; g[w1 + i + 1] += s11; g[w1 + i + 2] += s12; g[w1 + i + 3] += s13;
                g[w2 + i] += s20; g[w2 + i + 1] += s21; g[w2 + i + 2] += s22; g[w2 + i + 3] += s23;
                g[w3 + i] += s30; g[w3 + i + 1] += s31; g[w3 + i + 2] += s32; g[w3 + i + 3] += s33;
            }
            for (; i < IN; i++) {
                double[] xi = x[i];
                g[w0 + i] += dot(d0, xi, B);
                g[w1 + i] += dot(d1, xi, B);
                g[w2 + i] += dot(d2, xi, B);
                g[w3 + i] += dot(d3, xi, B);
            }
        }
        for (; o < OUT; o++) {
            int w = wOff + o * IN;
            for (int i = 0; i < IN; i++) g[w + i] += dot(dy[o], x[i], B);
        }
    }

    /** dx[i][b] = Σ_o w[o][i] · dy[o][b], in 4 × 4 blocks of (i, b); sums over o in order, as TF. */
    private static void inputGradient(double[][] dx, double[][] dy, double[] p, int wOff, int B, int IN, int OUT) {
        int i = 0;
        for (; i + 3 < IN; i += 4) {
            double[] r0 = dx[i], r1 = dx[i + 1], r2 = dx[i + 2], r3 = dx[i + 3];
            int b = 0;
            for (; b + 3 < B; b += 4) {
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                for (int o = 0; o < OUT; o++) {
                    int w = wOff + o * IN + i;
                    double a0 = p[w], a1 = p[w + 1], a2 = p[w + 2], a3 = p[w + 3];
                    double[] d = dy[o];
                    double c0 = d[b], c1 = d[b + 1], c2 = d[b + 2], c3 = d[b + 3];
                    s00 += a0 * c0; s01 += a0 * c1; s02 += a0 * c2; s03 += a0 * c3;
                    s10 += a1 * c0; s11 += a1 * c1; s12 += a1 * c2; s13 += a1 * c3;
                    s20 += a2 * c0; s21 += a2 * c1; s22 += a2 * c2; s23 += a2 * c3;
                    s30 += a3 * c0; s31 += a3 * c1; s32 += a3 * c2; s33 += a3 * c3;
                }
                r0[b] = s00; r0[b + 1] = s01; r0[b + 2] = s02; r0[b + 3] = s03;
                r1[b] = s10; r1[b + 1] = s11; r1[b + 2] = s12; r1[b + 3] = s13;
                r2[b] = s20; r2[b + 1] = s21; r2[b + 2] = s22; r2[b + 3] = s23;
                r3[b] = s30; r3[b + 1] = s31; r3[b + 2] = s32; r3[b + 3] = s33;
            }
            for (; b < B; b++) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int o = 0; o < OUT; o++) {
                    int w = wOff + o * IN + i;
                    double d = dy[o][b];
                    s0 += p[w] * d; s1 += p[w + 1] * d; s2 += p[w + 2] * d; s3 += p[w + 3] * d;
                }
                r0[b] = s0; r1[b] = s1; r2[b] = s2; r3[b] = s3;
            }
        }
        for (; i < IN; i++) {
            double[] di = dx[i];
            java.util.Arrays.fill(di, 0, B, 0.0);
            for (int o = 0; o < OUT; o++) axpy(di, dy[o], p[wOff + o * IN + i], B);
        }
    }

    /** y[0..n) += a · x[0..n) */
    static void axpy(double[] y, double[] x, double a, int n) {
        for (int b = 0; b < n; b++) y[b] += a * x[b];
    }

    /** Σ x·y over [0..n), in four interleaved partial sums so the adds do not wait on each other. */
    static double dot(double[] x, double[] y, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int b = 0;
        for (; b + 3 < n; b += 4) {
            s0 += x[b] * y[b];
            s1 += x[b + 1] * y[b + 1];
            s2 += x[b + 2] * y[b + 2];
            s3 += x[b + 3] * y[b + 3];
        }
        for (; b < n; b++) s0 += x[b] * y[b];
        return (s0 + s1) + (s2 + s3);
    }

    static double sum(double[] x, int n) {
        double s0 = 0, s1 = 0;
        int b = 0;
        for (; b + 1 < n; b += 2) {
            s0 += x[b];
            s1 += x[b + 1];
        }
        if (b < n) s0 += x[b];
        return s0 + s1;
    }
}
