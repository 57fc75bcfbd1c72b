package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one multiply-add rule of the fast path ({@link Kernels}): every sum of products is a chain of
 * {@code Math.fma}, one per product, in {@link Reference}'s order. Written here as per-sample
 * loops and compared for equality, not within a tolerance, so a kernel that multiplies and adds
 * (two roundings) or sums in another order fails. Every layer width from 1 to 9 and every batch
 * from 1 to 13, through tanh and through ReLU (the fused and the separate derivative), for z, a,
 * δ, dL/dθ, and evaluation's outputs.
 */
@Tag("unit")
class MultiplyAddRuleTest {
    @Test
    void every_kernel_sums_with_one_fma_per_product_in_reference_order() {
        SeedRandom rng = new SeedRandom("multiply-add rule");
        java.util.List<int[]> shapes = new java.util.ArrayList<>();
        for (int width = 1; width <= 9; width++) shapes.add(new int[] {width, 10 - width, width, 1 + width % 3});
        for (int width = 1; width <= 4; width++)
            shapes.add(new int[] {width, 5 - width, 1 + (width + 1) % 4, 1 + width % 3});
        Object[][] kinds = {
            {Activation.TANH, Activation.TANH, Loss.SQUARE}, {Activation.RELU, Activation.LINEAR, Loss.MSE}
        };
        for (Object[] kind : kinds) {
            for (int[] sizes : shapes) {
                for (int B = 1; B <= 13; B++) {
                    Network net = Network.create(
                            sizes, (Activation) kind[0], (Activation) kind[1], (Loss) kind[2], Init.XAVIER, rng);
                    int IN = sizes[0], K = sizes[sizes.length - 1];
                    double[] x = new double[B * IN], t = new double[B * K];
                    for (int i = 0; i < x.length; i++) x[i] = rng.uniform(-2, 2);
                    for (int i = 0; i < t.length; i++) t[i] = rng.uniform(-1, 1);
                    Pass pass = new Pass(net.layout, B);
                    pass.forward(net, x, 0, B);
                    double[] grads = new double[net.layout.numParams()];
                    pass.backward(net, t, 0, grads);

                    Expected e = new Expected(net, x, t, B);
                    String where = kind[0] + ", sizes " + java.util.Arrays.toString(sizes) + ", batch " + B;
                    for (int l = 0; l < net.layout.layers(); l++) {
                        same(e.z[l], pass.z(l), where + ", z of layer " + l);
                        same(e.a[l], pass.a(l), where + ", a of layer " + l);
                        same(e.delta[l], pass.delta(l), where + ", δ of layer " + l);
                    }
                    same(e.grads, grads, where + ", dL/dθ");

                    Pass rows = new Pass(net.layout, 1);
                    double[] byFeature = new double[B * IN];
                    for (int b = 0; b < B; b++) for (int i = 0; i < IN; i++) byFeature[i * B + b] = x[b * IN + i];
                    rows.beginRows(B);
                    rows.loadRows(0, byFeature, B, 0, B);
                    rows.forwardRows(net, null);
                    double[] out = e.a[net.layout.layers() - 1], got = new double[out.length];
                    for (int b = 0; b < B; b++) for (int k = 0; k < K; k++) got[b * K + k] = rows.output(b, k);
                    same(out, got, where + ", evaluation's outputs");
                }
            }
        }
    }

    /** Equal as values (0.0 == −0.0: a sum that starts from 0 and one that starts from its first product differ only there). */
    private static void same(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (!(expected[i] == actual[i]))
                fail(what + " [" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
    }

    /** Reference's loops, one sample at a time, with every product added by one fma; laid out (B, OUT) row-major. */
    private static final class Expected {
        final double[][] z, a, delta;
        final double[] grads;

        Expected(Network net, double[] x, double[] t, int B) {
            Layout lay = net.layout;
            int L = lay.layers(), IN0 = lay.inputs(), K = lay.outputs();
            z = new double[L][];
            a = new double[L][];
            delta = new double[L][];
            for (int l = 0; l < L; l++) {
                int OUT = lay.out(l), IN = lay.in(l);
                double[] in = l == 0 ? x : a[l - 1];
                z[l] = new double[B * OUT];
                for (int b = 0; b < B; b++) {
                    for (int o = 0; o < OUT; o++) {
                        double s = net.bias(l, o);
                        for (int i = 0; i < IN; i++) s = Math.fma(net.weight(l, o, i), in[b * IN + i], s);
                        z[l][b * OUT + o] = s;
                    }
                }
                a[l] = new double[B * OUT];
                if (net.activation(l) == Activation.TANH) {
                    for (int j = 0; j < a[l].length; j++) {
                        double[] one = new double[1];
                        FastMath.tanh(one, new double[] {z[l][j]}, 1);
                        a[l][j] = one[0];
                    }
                } else {
                    a[l] = Reference.activate(net.activation(l), z[l]);
                }
            }
            delta[L - 1] = new double[B * K];
            for (int b = 0; b < B; b++) {
                double[][] zb = new double[L][], ab = new double[L][];
                zb[L - 1] = java.util.Arrays.copyOfRange(z[L - 1], b * K, b * K + K);
                ab[L - 1] = java.util.Arrays.copyOfRange(a[L - 1], b * K, b * K + K);
                double[] tb = java.util.Arrays.copyOfRange(t, b * K, b * K + K);
                double[] d = Reference.outputDelta(net, new Reference.Forward(zb, ab), tb);
                System.arraycopy(d, 0, delta[L - 1], b * K, K);
            }
            grads = new double[lay.numParams()];
            for (int l = L - 1; l >= 0; l--) {
                int OUT = lay.out(l), IN = lay.in(l);
                double[] in = l == 0 ? x : a[l - 1];
                for (int o = 0; o < OUT; o++) {
                    for (int i = 0; i < IN; i++) {
                        double s = 0;
                        for (int b = 0; b < B; b++) s = Math.fma(delta[l][b * OUT + o], in[b * IN + i], s);
                        grads[lay.weightOffset(l) + o * IN + i] += s;
                    }
                    double s = 0;
                    for (int b = 0; b < B; b++) s += delta[l][b * OUT + o];
                    grads[lay.biasOffset(l) + o] += s;
                }
                if (l == 0) break;
                delta[l - 1] = new double[B * IN];
                for (int b = 0; b < B; b++) {
                    for (int i = 0; i < IN; i++) {
                        double s = 0;
                        for (int o = 0; o < OUT; o++) s = Math.fma(net.weight(l, o, i), delta[l][b * OUT + o], s);
                        int j = b * IN + i;
                        delta[l - 1][j] = s * Reference.derivative(net.activation(l - 1), z[l - 1][j], a[l - 1][j]);
                    }
                }
            }
        }
    }
}
