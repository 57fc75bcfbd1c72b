package org.backprop.playground.engine;

/**
 * The two dense-layer kernels, llm.c style: outputs first, sizes last. The summation order is
 * TF Playground's (bias first, then inputs in order; gradients accumulated example by example),
 * so the same weights and data give the same bits.
 */
final class Kernels {
    private Kernels() {}

    /** inp (B,IN) from row inOff, w (OUT,IN) at p[wOff], b (OUT) at p[bOff] -> out (B,OUT) */
    static void linearForward(double[] out, double[] inp, int inOff, double[] p, int wOff, int bOff,
                              int B, int IN, int OUT) {
        for (int b = 0; b < B; b++) {
            int x = inOff + b * IN;
            int y = b * OUT;
            for (int o = 0; o < OUT; o++) {
                int w = wOff + o * IN;
                double sum = p[bOff + o];
                for (int i = 0; i < IN; i++) sum += p[w + i] * inp[x + i];
                out[y + o] = sum;
            }
        }
    }

    /**
     * dout (B,OUT), inp (B,IN) from row inOff -> dw (OUT,IN) at g[wOff] and db at g[bOff] (accumulated),
     * and dinp (B,IN) overwritten when not null.
     */
    static void linearBackward(double[] dinp, double[] g, double[] dout, double[] inp, int inOff,
                               double[] p, int wOff, int bOff, int B, int IN, int OUT) {
        for (int o = 0; o < OUT; o++) {
            int w = wOff + o * IN;
            for (int b = 0; b < B; b++) {
                double d = dout[b * OUT + o];
                g[bOff + o] += d;
                int x = inOff + b * IN;
                for (int i = 0; i < IN; i++) g[w + i] += d * inp[x + i];
            }
        }
        if (dinp == null) return;
        for (int b = 0; b < B; b++) {
            int x = b * IN;
            for (int i = 0; i < IN; i++) {
                double sum = 0;
                for (int o = 0; o < OUT; o++) sum += p[wOff + o * IN + i] * dout[b * OUT + o];
                dinp[x + i] = sum;
            }
        }
    }
}
