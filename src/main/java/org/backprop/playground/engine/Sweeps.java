package org.backprop.playground.engine;

/**
 * The forward and input-gradient kernels for small layers (up to 4 inputs and 4 neurons, TF
 * Playground's usual sizes), on the same packed layout as {@link Kernels} and under its
 * multiply-add rule: one neuron (or input row) at a time, one pass over the batch's columns, with
 * tanh's derivative riding along the input gradient's pass. At these sizes a batch is a chain of
 * short dependent steps (docs/performance.md), and fewer, fuller passes shorten it. Each kernel
 * is written out once per input count (or, for the input gradient, neuron count), small enough
 * for the JIT to inline at its call site with its sizes as constants.
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
