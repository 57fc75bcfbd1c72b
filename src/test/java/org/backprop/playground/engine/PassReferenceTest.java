package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The blocked kernels against the textbook loops ({@link Reference}), one sample at a time: every layer width from 1
 * to 9 (4-row blocks, pairs and single rows) and every batch from 1 to 13 (blocks of 4 columns,
 * the 2-column block, and the padding column of an odd batch), for z, a, δ and dL/dθ.
 */
@Tag("unit")
class PassReferenceTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void packed_kernels_match_per_sample_loops_for_every_width_and_batch() {
        SeedRandom rng = new SeedRandom("reference");
        // the first family puts layers of 5 to 9 in the register blocks; the second keeps every
        // layer at 4 or fewer, where the sweep kernels run (Kernels.sweeps)
        java.util.List<int[]> shapes = new java.util.ArrayList<>();
        for (int width = 1; width <= 9; width++) shapes.add(new int[] {width, 10 - width, width, 1 + width % 3});
        for (int width = 1; width <= 4; width++)
            shapes.add(new int[] {width, 5 - width, 1 + (width + 1) % 4, 1 + width % 3});
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

                Batch ref = new Batch(net, x, t, B);
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

    /** The engine's {@link Reference}, one sample at a time, laid out as the pass's accessors give it: (B, OUT) row-major. */
    private static final class Batch {
        final double[][] z, a, delta;
        final double[] grads;

        Batch(Network net, double[] x, double[] t, int B) {
            Layout layout = net.layout;
            int L = layout.layers(), IN0 = layout.inputs(), K = layout.outputs();
            z = new double[L][];
            a = new double[L][];
            delta = new double[L][];
            for (int l = 0; l < L; l++) {
                z[l] = new double[B * layout.out(l)];
                a[l] = new double[B * layout.out(l)];
                delta[l] = new double[B * layout.out(l)];
            }
            grads = new double[layout.numParams()];
            for (int b = 0; b < B; b++) {
                double[] xb = java.util.Arrays.copyOfRange(x, b * IN0, (b + 1) * IN0),
                        tb = java.util.Arrays.copyOfRange(t, b * K, (b + 1) * K);
                Reference.Forward f = Reference.forward(net, xb);
                double[][] d = Reference.backward(net, xb, f, tb, grads);
                for (int l = 0; l < L; l++) {
                    int OUT = layout.out(l);
                    System.arraycopy(f.z()[l], 0, z[l], b * OUT, OUT);
                    System.arraycopy(f.a()[l], 0, a[l], b * OUT, OUT);
                    System.arraycopy(d[l], 0, delta[l], b * OUT, OUT);
                }
            }
        }
    }
}
