package org.backprop.playground.engine;

/**
 * The input-gradient kernels for small layers (up to 4 inputs and 4 neurons, TF Playground's usual
 * sizes), on the same packed layout as {@link Kernels} and under its multiply-add rule: one input
 * row at a time, one pass over the batch's columns, with tanh's derivative riding along. At these
 * sizes a batch is a chain of short dependent steps (docs/performance.md), and fewer, fuller
 * passes shorten it. Each kernel is written out once per neuron count, small enough for the JIT to
 * inline at its call site with its sizes as constants.
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
