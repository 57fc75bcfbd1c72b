package org.backprop.playground.engine;

/**
 * The dense-layer kernels, llm.c style (outputs first, sizes last), on feature-major activations:
 * x[i] holds input i for the B samples of a batch. The inner loops then run over samples on
 * plain arrays with no offsets — axpy and dot — which the JIT vectorizes. Each forward sum still
 * runs in TF Playground's order (bias first, then inputs in order).
 */
final class Kernels {
    private Kernels() {}

    /** x[IN][B], w (OUT,IN) at p[wOff], b (OUT) at p[bOff] -> out[OUT][B] */
    static void linearForward(double[][] out, double[][] x, double[] p, int wOff, int bOff, int B, int IN, int OUT) {
        for (int o = 0; o < OUT; o++) {
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
        for (int o = 0; o < OUT; o++) {
            double[] d = dy[o];
            g[bOff + o] += sum(d, B);
            int w = wOff + o * IN;
            for (int i = 0; i < IN; i++) g[w + i] += dot(d, x[i], B);
        }
        if (dx == null) return;
        for (int i = 0; i < IN; i++) {
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
