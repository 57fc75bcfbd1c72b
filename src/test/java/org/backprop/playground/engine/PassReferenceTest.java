package org.backprop.playground.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The blocked kernels against the textbook loops, one sample at a time: every layer width from 1
 * to 9 (4-row blocks, pairs and single rows) and every batch from 1 to 13 (blocks of 4 columns,
 * the 2-column block, and the padding column of an odd batch), for z, a, δ and dL/dθ.
 */
class PassReferenceTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void packed_kernels_match_per_sample_loops_for_every_width_and_batch() {
        SeedRandom rng = new SeedRandom("reference");
        // the first family puts layers of 5 to 9 in the register blocks; the second keeps every
        // layer at 4 or fewer, where the sweep kernels run (Kernels.sweeps)
        java.util.List<int[]> shapes = new java.util.ArrayList<>();
        for (int width = 1; width <= 9; width++) shapes.add(new int[] {width, 10 - width, width, 1 + width % 3});
        for (int width = 1; width <= 4; width++) shapes.add(new int[] {width, 5 - width, 1 + (width + 1) % 4, 1 + width % 3});
        for (int[] sizes : shapes) {
            for (int B = 1; B <= 13; B++) {
                Network net = Network.create(sizes, Activation.TANH, Activation.TANH, Loss.SQUARE, Init.XAVIER, rng);
                int IN = sizes[0], K = sizes[sizes.length - 1];
                double[] x = new double[B * IN], t = new double[B * K];
                for (int i = 0; i < x.length; i++) x[i] = rng.uniform(-2, 2);
                for (int i = 0; i < t.length; i++) t[i] = rng.uniform(-1, 1);
                Pass pass = new Pass(net.layout, B);
                pass.forward(net, x, 0, B);
                double[] grads = new double[net.layout.numParams()];
                pass.backward(net, t, 0, grads);

                Reference ref = new Reference(net, x, t, B);
                String where = "sizes " + java.util.Arrays.toString(sizes) + ", batch " + B;
                for (int l = 0; l < net.layout.layers(); l++) {
                    close(ref.z[l], pass.z(l), where + ", z of layer " + l);
                    close(ref.a[l], pass.a(l), where + ", a of layer " + l);
                    close(ref.delta[l], pass.delta(l), where + ", δ of layer " + l);
                }
                close(ref.grads, grads, where + ", dL/dθ");
            }
        }
    }

    private static void close(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= TOLERANCE * scale)) {
                fail(what + " [" + i + "]: expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    /** Forward and backward the slow, obvious way: z, a, δ as (B, OUT) row-major; dL/dθ summed over the batch. */
    private static final class Reference {
        final double[][] z, a, delta;
        final double[] grads;

        Reference(Network net, double[] x, double[] t, int B) {
            Layout layout = net.layout;
            int L = layout.layers();
            z = new double[L][];
            a = new double[L][];
            delta = new double[L][];
            grads = new double[layout.numParams()];
            double[] p = net.params;
            for (int l = 0; l < L; l++) {
                int IN = layout.in(l), OUT = layout.out(l);
                z[l] = new double[B * OUT];
                a[l] = new double[B * OUT];
                double[] in = l == 0 ? x : a[l - 1];
                for (int b = 0; b < B; b++) {
                    for (int o = 0; o < OUT; o++) {
                        double s = p[layout.biasOffset(l) + o];
                        for (int i = 0; i < IN; i++) s += p[layout.weightOffset(l) + o * IN + i] * in[b * IN + i];
                        z[l][b * OUT + o] = s;
                        a[l][b * OUT + o] = StrictMath.tanh(s);
                    }
                }
            }
            int K = layout.outputs();
            delta[L - 1] = new double[B * K];
            for (int b = 0; b < B; b++) {
                for (int k = 0; k < K; k++) {
                    double o = a[L - 1][b * K + k];
                    delta[L - 1][b * K + k] = (o - t[b * K + k]) * (1 - o * o); // square loss, tanh output
                }
            }
            for (int l = L - 1; l >= 0; l--) {
                int IN = layout.in(l), OUT = layout.out(l);
                double[] in = l == 0 ? x : a[l - 1];
                for (int b = 0; b < B; b++) {
                    for (int o = 0; o < OUT; o++) {
                        double d = delta[l][b * OUT + o];
                        grads[layout.biasOffset(l) + o] += d;
                        for (int i = 0; i < IN; i++) grads[layout.weightOffset(l) + o * IN + i] += d * in[b * IN + i];
                    }
                }
                if (l == 0) break;
                delta[l - 1] = new double[B * IN];
                for (int b = 0; b < B; b++) {
                    for (int i = 0; i < IN; i++) {
                        double s = 0;
                        for (int o = 0; o < OUT; o++) s += p[layout.weightOffset(l) + o * IN + i] * delta[l][b * OUT + o];
                        double ai = a[l - 1][b * IN + i];
                        delta[l - 1][b * IN + i] = s * (1 - ai * ai);
                    }
                }
            }
        }
    }
}
